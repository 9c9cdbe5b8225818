package org.deskcrm.platform.persistence;

import java.util.List;
import java.util.Map;

/** Input the service refuses, with one message per field ("" for the record as a whole). */
public class ValidationException extends RuntimeException {
    private final Map<String, String> fieldErrors;

    public ValidationException(Map<String, String> fieldErrors) {
        super(String.join("\n", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public ValidationException(String field, String message) {
        this(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public List<String> messages() {
        return List.copyOf(fieldErrors.values());
    }
}
