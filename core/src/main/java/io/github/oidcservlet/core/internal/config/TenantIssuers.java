package io.github.oidcservlet.core.internal.config;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A multi-tenant issuer (keys {@code issuer} and {@code tenants}): an {@code issuer} holding the placeholder
 * {@code {tenantid}}, as Microsoft Entra ID's {@code /common} and {@code /organizations} discovery documents publish
 * it ({@code https://login.microsoftonline.com/{tenantid}/v2.0}), stands for every issuer that results from putting a
 * tenant id in its place; {@code tenants} limits those tenants to an allow-list (empty: any tenant). Immutable.
 * An {@code issuer} without the placeholder is one issuer, compared exactly, as always.
 *
 * <p>A tenant id is one or more RFC 3986 unreserved characters ({@code A-Z a-z 0-9 - . _ ~}; Entra's are
 * lower-case GUIDs), so putting it in the template can never add a path segment, a query or another host.
 */
public final class TenantIssuers {

    /** The placeholder, spelled as Entra's discovery documents spell it. */
    public static final String PLACEHOLDER = "{tenantid}";
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final TenantIssuers NONE = new TenantIssuers(null, Set.of());

    private final String template;
    private final Set<String> allowed;

    private TenantIssuers(String template, Set<String> allowed) {
        this.template = template;
        this.allowed = allowed;
    }

    /**
     * Reads {@code tenants} beside {@code issuer}, reporting what does not fit together.
     *
     * @param issuer       the {@code issuer} value, or null when it is missing (reported elsewhere)
     * @param discoverable whether {@code discovery-uri} or manual endpoints are set: a template is no URL to
     *                     derive a discovery document from
     */
    public static TenantIssuers read(ConfigReader in, String issuer, boolean discoverable) {
        String list = in.optional(ConfigKey.TENANTS).orElse("");
        Set<String> allowed = new LinkedHashSet<>();
        for (String tenant : Arrays.stream(list.split("[,\\s]+")).filter(t -> !t.isEmpty()).toList()) {
            if (TENANT_ID.matcher(tenant).matches()) {
                allowed.add(tenant);
            } else {
                in.problem(ConfigKey.TENANTS, "has '" + tenant + "', which is no tenant id (letters, digits, "
                        + "'-', '.', '_', '~'; Entra's are GUIDs)");
            }
        }
        if (issuer == null) {
            return NONE;
        }
        if (!isTemplate(issuer)) {
            if (issuer.contains("{") || issuer.contains("}")) {
                in.problem(ConfigKey.ISSUER, "is '" + issuer + "', with braces but no " + PLACEHOLDER
                        + " (the only placeholder a multi-tenant issuer may have)");
            }
            if (!allowed.isEmpty()) {
                in.problem(ConfigKey.TENANTS, "is set, but issuer '" + issuer + "' is no multi-tenant template: "
                        + "tenants applies only to an issuer with " + PLACEHOLDER);
            }
            return NONE;
        }
        String outside = issuer.replace(PLACEHOLDER, "");
        if (issuer.indexOf(PLACEHOLDER) != issuer.lastIndexOf(PLACEHOLDER) || outside.contains("{")
                || outside.contains("}") || !outside.equals(outside.replaceAll("\\s", ""))) {
            in.problem(ConfigKey.ISSUER, "is '" + issuer + "': a multi-tenant issuer has " + PLACEHOLDER
                    + " exactly once, no other placeholder and no white space");
        }
        if (!discoverable) {
            in.problem(ConfigKey.ISSUER, "is a multi-tenant template (" + PLACEHOLDER + "), which names no discovery "
                    + "document: set discovery-uri (Entra: https://login.microsoftonline.com/organizations/v2.0/"
                    + ".well-known/openid-configuration, or .../common/...)");
        }
        return new TenantIssuers(issuer, Set.copyOf(allowed));
    }

    /** {@return whether {@code issuer} is a multi-tenant template (holds {@value #PLACEHOLDER})} */
    public static boolean isTemplate(String issuer) {
        return issuer != null && issuer.contains(PLACEHOLDER);
    }

    /** {@return whether the configured issuer is a template, so that each tenant is an issuer of its own} */
    public boolean multiTenant() {
        return template != null;
    }

    /** {@return the allowed tenant ids ({@code tenants}); empty means every tenant} */
    public Set<String> allowed() {
        return allowed;
    }

    /** {@return whether {@code tid} is a well-formed tenant id (see the class comment)} */
    public static boolean isTenantId(String tid) {
        return tid != null && TENANT_ID.matcher(tid).matches();
    }

    /** {@return whether {@code tid} is well formed and, when {@code tenants} is set, one of them} */
    public boolean admits(String tid) {
        return isTenantId(tid) && (allowed.isEmpty() || allowed.contains(tid));
    }

    /**
     * The issuer of one tenant: the template with {@value #PLACEHOLDER} replaced by {@code tid}.
     *
     * @param tid a well-formed tenant id
     * @return that tenant's issuer identifier
     * @throws IllegalStateException when the issuer is no template
     */
    public String issuerOf(String tid) {
        if (template == null) {
            throw new IllegalStateException("the issuer is no multi-tenant template");
        }
        return template.replace(PLACEHOLDER, tid);
    }

    /**
     * The tenant whose issuer {@code iss} is: the part of it in the place of {@value #PLACEHOLDER}, when that is a
     * well-formed tenant id and the rest is the template's.
     *
     * @param iss an issuer identifier, or null
     * @return the tenant id, or null when {@code iss} is no issuer of the template (or there is no template)
     */
    public String tenantOf(String iss) {
        if (template == null || iss == null) {
            return null;
        }
        int at = template.indexOf(PLACEHOLDER);
        String prefix = template.substring(0, at);
        String suffix = template.substring(at + PLACEHOLDER.length());
        if (iss.length() <= prefix.length() + suffix.length() || !iss.startsWith(prefix) || !iss.endsWith(suffix)) {
            return null;
        }
        String tid = iss.substring(prefix.length(), iss.length() - suffix.length());
        return isTenantId(tid) && issuerOf(tid).equals(iss) ? tid : null;
    }

    /**
     * The key under which a back-channel logout records a {@code sid} or {@code sub} and a login is looked up.
     * Both are unique only within one issuer (OIDC Core §2: sub is "locally unique ... within the Issuer"), and
     * with a template each tenant is an issuer of its own: the key is then the issuer, a space (no issuer made
     * from the template holds one) and the value. With one issuer it is the value itself, as it always was.
     *
     * @param issuer the token's or the login's {@code iss}
     * @param value  a {@code sid} or {@code sub}, or null
     * @return the key, or null for a null value
     */
    public String scopedKey(String issuer, String value) {
        return template == null ? value : issuerScoped(issuer, value);
    }

    /** {@return the key {@link #scopedKey} makes with a template: the issuer, a space, the value; null for null} */
    public static String issuerScoped(String issuer, String value) {
        return value == null ? null : issuer + " " + value;
    }

    @Override
    public String toString() {
        return template == null ? "TenantIssuers[single issuer]"
                : "TenantIssuers[" + template + ", tenants=" + (allowed.isEmpty() ? "any" : allowed) + "]";
    }
}
