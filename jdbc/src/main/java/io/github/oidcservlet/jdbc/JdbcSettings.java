package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.OidcConfigException;
import io.github.oidcservlet.core.store.StoreContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code store-*} keys of {@code store=jdbc}, checked with every problem reported at once, each naming the key
 * as the user wrote it. {@link #toString()} leaves the password out.
 *
 * @param dataSource   {@code store-datasource}: a JNDI name, or null
 * @param url          {@code store-jdbc-url}, or null (exactly one of the two is set)
 * @param user         {@code store-jdbc-user}, or null
 * @param password     {@code store-jdbc-password}, or null
 * @param tablePrefix  {@code store-table-prefix}, default {@code oidc_}
 * @param pollInterval {@code store-poll-interval}: how often ended logins are polled when LISTEN/NOTIFY is off
 * @param notifications {@code store-notify}: whether ended logins travel by LISTEN/NOTIFY (default true)
 */
record JdbcSettings(String dataSource, String url, String user, String password, String tablePrefix,
                    Duration pollInterval, boolean notifications) {

    static final String DATASOURCE = "store-datasource";
    static final String URL = "store-jdbc-url";
    static final String USER = "store-jdbc-user";
    static final String PASSWORD = "store-jdbc-password";
    static final String TABLE_PREFIX = "store-table-prefix";
    static final String POLL_INTERVAL = "store-poll-interval";
    static final String NOTIFY = "store-notify";
    private static final Set<String> KEYS = Set.of(DATASOURCE, URL, USER, PASSWORD, TABLE_PREFIX, POLL_INTERVAL,
            NOTIFY);
    // PostgreSQL folds unquoted names to lower case and cuts them at 63 bytes; the longest suffix is 24 characters
    private static final Pattern PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,38}");

    static JdbcSettings read(StoreContext context) {
        return read(context, false);
    }

    /** @param givenDataSource whether the application passes the DataSource itself (then no connection key is set) */
    static JdbcSettings read(StoreContext context, boolean givenDataSource) {
        Map<String, String> values = context.settings();
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(values.keySet())) {
            if (!KEYS.contains(key)) {
                problems.add(context.describe(key) + " is not a key of store=jdbc; its keys are "
                        + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        String dataSource = values.get(DATASOURCE);
        String url = values.get(URL);
        if (givenDataSource) {
            for (String key : List.of(DATASOURCE, URL, USER, PASSWORD)) {
                if (values.containsKey(key)) {
                    problems.add(context.describe(key) + " is ignored: the application passes its own DataSource");
                }
            }
        } else if (dataSource != null && url != null) {
            problems.add(context.describe(DATASOURCE) + " and " + context.describe(URL)
                    + " exclude each other: name a container DataSource or a JDBC URL, not both");
        } else if (dataSource == null && url == null) {
            problems.add(context.describe("store") + " is jdbc, which needs " + context.describe(DATASOURCE)
                    + " (a JNDI name) or " + context.describe(URL));
        }
        if (url != null && !url.startsWith("jdbc:")) {
            problems.add(context.describe(URL) + " must be a JDBC URL starting with jdbc:, e.g. "
                    + "jdbc:postgresql://db.example.com:5432/app");
        }
        if (dataSource != null) {
            for (String key : List.of(USER, PASSWORD)) {
                if (values.containsKey(key)) {
                    problems.add(context.describe(key) + " belongs to " + context.describe(URL)
                            + "; a container DataSource brings its own credentials");
                }
            }
        }
        String prefix = values.getOrDefault(TABLE_PREFIX, "oidc_");
        if (!PREFIX.matcher(prefix).matches()) {
            problems.add(context.describe(TABLE_PREFIX) + " must be lower-case letters, digits and _ (not first a "
                    + "digit), at most 39 characters, got '" + prefix + "'");
        }
        Duration poll = Duration.ofSeconds(1);
        String pollText = values.get(POLL_INTERVAL);
        if (pollText != null) {
            try {
                poll = Duration.ofSeconds(Long.parseLong(pollText));
                if (poll.toSeconds() < 1 || poll.toSeconds() > 60) {
                    problems.add(context.describe(POLL_INTERVAL) + " must be 1 to 60 (seconds), got '" + pollText
                            + "'");
                }
            } catch (NumberFormatException e) {
                problems.add(context.describe(POLL_INTERVAL) + " must be a whole number of seconds, got '" + pollText
                        + "'");
            }
        }
        String notifyText = values.getOrDefault(NOTIFY, "true");
        if (!notifyText.equals("true") && !notifyText.equals("false")) {
            problems.add(context.describe(NOTIFY) + " must be true or false, got '" + notifyText + "'");
        }
        if (!problems.isEmpty()) {
            throw new OidcConfigException(problems);
        }
        return new JdbcSettings(dataSource, url, values.get(USER), values.get(PASSWORD), prefix, poll,
                Boolean.parseBoolean(notifyText));
    }

    @Override
    public String toString() {
        return "JdbcSettings[" + (dataSource != null ? "datasource=" + dataSource
                : "url=" + withoutQuery(url) + ", user=" + user)
                + ", tablePrefix=" + tablePrefix + ", pollInterval=" + pollInterval + ", notify=" + notifications + "]";
    }

    /** A JDBC URL's parameters may hold a password. */
    static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }
}
