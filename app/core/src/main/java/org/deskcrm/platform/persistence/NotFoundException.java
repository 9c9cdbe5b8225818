package org.deskcrm.platform.persistence;

/** The record does not exist, was deleted, or is not visible to this user (the three look alike on purpose). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
