package io.github.oidcservlet.core.internal.validation;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.internal.config.TenantIssuers;

import java.util.List;
import java.util.Objects;

/**
 * Who issued a token when the configured issuer is a multi-tenant template ({@code {tenantid}}, Microsoft Entra ID's
 * {@code /common} and {@code /organizations}): each tenant is an issuer of its own, and the token names its tenant in
 * {@code tid}. The rule is OIDC Core §3.1.3.7 item 2 applied to the one issuer the token's own {@code tid} makes:
 * exact string equality, no pattern matching beyond putting {@code tid} in the template.
 */
public final class TenantIssuerRule {

    private TenantIssuerRule() {
    }

    /**
     * Adds a problem unless the token carries a well-formed {@code tid}, its {@code iss} is exactly the template
     * with that {@code tid}, and {@code tid} is an allowed tenant.
     *
     * @param citation the clause the messages cite ("OIDC Core 3.1.3.7 rule 2", "§2.6 step 2")
     */
    static void check(TenantIssuers tenants, JWTClaimsSet claims, List<String> problems, String citation) {
        String iss = claims.getIssuer();
        Object tidClaim = claims.getClaim("tid");
        if (!(tidClaim instanceof String tid) || !TenantIssuers.isTenantId(tid)) {
            // Microsoft identity platform, access tokens, "Validate the issuer": "Applications that use Azure AD's
            // tenantid (tid) claim as a trust boundary instead of the standard issuer claim should ensure that the
            // tenant-id claim is a guid and that the issuer and tenantid match." Without a tid there is no issuer to
            // compare with, so the token is refused.
            problems.add(tidClaim == null ? "tid is missing, and with the multi-tenant issuer it names the issuer ("
                    + citation + ")" : "tid is not a tenant id (" + citation + ")");
            return;
        }
        // OIDC Core 3.1.3.7 (2): "The Issuer Identifier for the OpenID Provider (which is typically obtained during
        // Discovery) MUST exactly match the value of the iss Claim." Discovery gave the template; Microsoft's rule
        // (Entra ID, validating tokens of a multi-tenant application) is that iss must equal it with {tenantid}
        // replaced by the token's own tid, so a tenant can never sign in as, or pass for, another tenant.
        String expected = tenants.issuerOf(tid);
        if (!expected.equals(iss)) {
            problems.add("iss is '" + iss + "', expected '" + expected + "', the issuer of its tid (" + citation + ")");
            return;
        }
        // The allow-list (key tenants): the only tenants whose users may log in here.
        if (!tenants.admits(tid)) {
            problems.add("tid '" + tid + "' is not one of the allowed tenants (key tenants)");
        }
    }

    /**
     * RFC 9207 with a template issuer: whether the authorization response's {@code iss} names this provider.
     * RFC 9207 §2.4: clients "MUST then compare the result to the issuer identifier of the authorization server
     * where the authorization request was sent to. This comparison MUST use simple string comparison". That
     * identifier, as the provider's metadata states it, is the template: accepted as it is (what a multi-tenant
     * provider advertising the parameter would send). The issuer of an allowed tenant is accepted too, compared
     * as a string after putting the tenant in the template (the ID token must then name its tenant and be checked
     * by {@link #check}). Anything else is a mix-up (RFC 9700 §4.4) and refused.
     *
     * @param iss        the response's {@code iss}
     * @param advertised the issuer of the provider's metadata
     * @return whether the response may go on
     */
    public static boolean acceptsResponseIssuer(TenantIssuers tenants, String iss, String advertised) {
        if (Objects.equals(iss, advertised)) {
            return true;
        }
        String tid = tenants.tenantOf(iss);
        return tid != null && tenants.admits(tid);
    }
}
