package io.github.oidcservlet.core;

import java.util.List;

/** A configuration that cannot work; the message lists every problem, each naming its key. *
 * @serial exclude
 */
public final class OidcConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * A configuration with these problems.
     *
     * @param problems one sentence each, naming the key as the user wrote it
     */
    public OidcConfigException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** {@return each problem on its own, in the order found} */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        StringBuilder text = new StringBuilder("Invalid OpenID Connect configuration (")
                .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
        for (String problem : problems) {
            text.append("\n  - ").append(problem);
        }
        return text.toString();
    }
}
