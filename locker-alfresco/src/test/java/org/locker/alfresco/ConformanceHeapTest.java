package org.locker.alfresco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.locker.core.platform.conformance.StreamingConformance;

/**
 * The live conformance suite ({@code Alfresco*ConformanceIT}, failsafe) includes {@link StreamingConformance}, which
 * refuses to run in a JVM whose max heap is not below the 200 MB it streams. CI has no Alfresco, so this checks the
 * failsafe heap here, in the build, rather than at the first live run.
 */
class ConformanceHeapTest {

    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kmgKMG]?)");

    @Test
    void theLiveSuitesHeapShouldBeBelowWhatTheStreamingTestStores() {
        String argLine = System.getProperty("locker.conformance.argLine");
        assertThat(argLine)
                .as("failsafe's argLine, passed on by surefire (locker-alfresco/pom.xml)")
                .isNotBlank();
        Matcher xmx = XMX.matcher(argLine);
        assertThat(xmx.find()).as("a max heap in " + argLine).isTrue();
        long bytes = Long.parseLong(xmx.group(1))
                * switch (xmx.group(2).toLowerCase(Locale.ROOT)) {
                    case "k" -> 1024L;
                    case "m" -> 1024L * 1024;
                    case "g" -> 1024L * 1024 * 1024;
                    default -> 1L;
                };
        assertThat(bytes).isLessThan(StreamingConformance.SIZE);
    }
}
