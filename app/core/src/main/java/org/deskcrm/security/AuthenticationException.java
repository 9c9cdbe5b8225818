package org.deskcrm.security;

/** Sign-in refused; the message is safe to show (it never says whether the e-mail exists). */
public class AuthenticationException extends RuntimeException {
    public AuthenticationException(String message) {
        super(message);
    }
}
