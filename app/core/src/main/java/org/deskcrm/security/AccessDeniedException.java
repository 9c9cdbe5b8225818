package org.deskcrm.security;

/** A write or read the user's role, permission or record rule does not allow. The message is for the user. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
