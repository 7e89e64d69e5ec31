package org.locker.platformmodule;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;

/**
 * Validates the content model against Alfresco's modelSchema.xsd. The XSD is not shipped with this
 * project; name it with the environment variable ALFRESCO_MODEL_XSD, otherwise the test is skipped.
 */
class ModelSchemaTest {

    static final String XSD_VARIABLE = "ALFRESCO_MODEL_XSD";

    @Test
    void modelShouldValidateAgainstAlfrescoModelSchema() throws Exception {
        String xsd = System.getenv(XSD_VARIABLE);
        assumeTrue(
                xsd != null && !xsd.isBlank(),
                XSD_VARIABLE + " is not set: skipping the validation of the model against Alfresco's modelSchema.xsd");
        Path schemaFile = Path.of(xsd);
        assumeTrue(Files.isRegularFile(schemaFile), XSD_VARIABLE + " does not name a file: " + xsd);

        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Validator validator = factory.newSchema(schemaFile.toFile()).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");

        assertThatCode(() -> validator.validate(new StreamSource(ModuleFiles.MODEL.toFile())))
                .doesNotThrowAnyException();
    }
}
