package io.github.oidcservlet.core.internal.validation;

import java.util.List;

/** A token the provider sent failed validation; lists every problem found, never the token itself. */
public final class TokenValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public TokenValidationException(String what, List<String> problems) {
        super(what + " rejected: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
