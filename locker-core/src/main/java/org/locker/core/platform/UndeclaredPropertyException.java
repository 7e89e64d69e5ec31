package org.locker.core.platform;

/**
 * A property the content model (locker-model.xml) does not declare, or a value its declaration does not take (a
 * text for a number, a list for a single value). Alfresco refuses an undeclared property (400 "Unknown property"),
 * and the Oak binding refuses the same, from the same model: either way a programming error of the engine, which
 * must fail loudly, never be stored on one platform and refused on the other.
 */
public class UndeclaredPropertyException extends PlatformException {

    public UndeclaredPropertyException(String message) {
        super(message);
    }
}
