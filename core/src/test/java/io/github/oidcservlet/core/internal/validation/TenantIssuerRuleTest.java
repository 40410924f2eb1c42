package io.github.oidcservlet.core.internal.validation;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.internal.config.TenantIssuers;
import io.github.oidcservlet.core.internal.logout.BackchannelLogout;
import io.github.oidcservlet.core.internal.logout.TenantEndedLogins;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;
import io.github.oidcservlet.core.internal.store.InMemoryEndedLogins;
import io.github.oidcservlet.core.store.EndedLogins;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.github.oidcservlet.core.internal.validation.IdTokens.NONCE;
import static io.github.oidcservlet.core.internal.validation.IdTokens.claims;
import static io.github.oidcservlet.core.internal.validation.IdTokens.rs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A multi-tenant issuer (Entra ID {@code /common}, {@code /organizations}): OIDC Core 3.1.3.7 rule 2 against the
 * issuer of the token's own {@code tid}, the allow-list, §12.2 on refresh, back-channel logout per tenant, RFC 9207.
 */
class TenantIssuerRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String TEMPLATE = "https://login.microsoftonline.com/{tenantid}/v2.0";
    static final String A = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String B = "9188040d-6c67-4c5b-b112-36a304b66dad";
    static final String C = "00000000-0000-0000-0000-0000000000cc";

    static String issuerOf(String tid) {
        return "https://login.microsoftonline.com/" + tid + "/v2.0";
    }

    private static OidcConfig config(String tenants) {
        return TestConfigs.with("issuer", TEMPLATE, "discovery-uri",
                "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration", "tenants", tenants);
    }

    private static ProviderMetadata metadata() {
        URI base = URI.create("https://login.microsoftonline.com/common/");
        return new ProviderMetadata(TEMPLATE, base.resolve("oauth2/v2.0/authorize"), base.resolve("oauth2/v2.0/token"),
                null, base.resolve("discovery/v2.0/keys"), null, null, List.of("RS256"), List.of(), false);
    }

    private static IdTokenValidator validator(String tenants) {
        return new IdTokenValidator(config(tenants), metadata(), IdTokens::jwks, CLOCK);
    }

    private static JWTClaimsSet.Builder tokenOf(String tid) {
        return claims(NOW).issuer(issuerOf(tid)).claim("tid", tid);
    }

    private static void assertRefused(IdTokenValidator validator, JWTClaimsSet claims, String problem) {
        assertThatThrownBy(() -> validator.validate(rs256(claims), NONCE))
                .isInstanceOf(TokenValidationException.class).hasMessageContaining(problem);
    }

    @Test
    void tokensOfEveryTenantPassWhenNoTenantIsListed() {
        assertThat(validator(null).validate(rs256(tokenOf(A).build()), NONCE).getIssuer()).isEqualTo(issuerOf(A));
        assertThat(validator(null).validate(rs256(tokenOf(B).build()), NONCE).getIssuer()).isEqualTo(issuerOf(B));
    }

    @Test
    void theAllowListRefusesAnotherTenant() {
        IdTokenValidator listed = validator(A + "," + B);
        assertThat(listed.validate(rs256(tokenOf(B).build()), NONCE).getClaim("tid")).isEqualTo(B);
        assertRefused(listed, tokenOf(C).build(), "tid '" + C + "' is not one of the allowed tenants (key tenants)");
    }

    @Test
    void theIssMustBeTheIssuerOfTheTokensOwnTid() {
        assertRefused(validator(null), tokenOf(A).issuer(issuerOf(B)).build(),
                "iss is '" + issuerOf(B) + "', expected '" + issuerOf(A) + "', the issuer of its tid "
                        + "(OIDC Core 3.1.3.7 rule 2)");
        // the template itself is no issuer of any token; nor is a look-alike that merely contains the tid
        assertRefused(validator(null), tokenOf(A).issuer(TEMPLATE).build(), "expected '" + issuerOf(A) + "'");
        assertRefused(validator(null), tokenOf(A).issuer("https://evil.example/" + A + "/v2.0").build(),
                "the issuer of its tid");
        // an allowed tid does not make another tenant's iss acceptable
        assertRefused(validator(A), tokenOf(A).issuer(issuerOf(C)).build(), "the issuer of its tid");
    }

    @Test
    void aTokenWithoutTidOrWithAMalformedOneIsRefused() {
        assertRefused(validator(null), tokenOf(A).claim("tid", null).build(),
                "tid is missing, and with the multi-tenant issuer it names the issuer");
        assertRefused(validator(null), tokenOf(A).claim("tid", "a/b").issuer(issuerOf("a/b")).build(),
                "tid is not a tenant id");
        assertRefused(validator(null), tokenOf(A).claim("tid", 42).build(), "tid is not a tenant id");
    }

    @Test
    void aRefreshedIdTokenKeepsTheTenantAndTheIssuer() {
        JWTClaimsSet original = tokenOf(A).build();
        JWTClaimsSet same = tokenOf(A).claim("nonce", null).build();
        assertThat(validator(null).validateRefreshed(rs256(same), original).getIssuer()).isEqualTo(issuerOf(A));
        assertThatThrownBy(() -> validator(null).validateRefreshed(rs256(tokenOf(B).claim("nonce", null).build()),
                original)).isInstanceOf(TokenValidationException.class)
                .hasMessageContaining("iss differs from the original ID token's (OIDC Core §12.2)")
                .hasMessageContaining("tid '" + B + "' differs from the original '" + A + "'");
    }

    private static LogoutTokenValidator logoutValidator(String tenants) {
        return new LogoutTokenValidator(config(tenants), metadata(), IdTokens::jwks, CLOCK,
                BackchannelLogout.MAX_TOKEN_AGE);
    }

    private static String logoutToken(String tid, String iss, String sub) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(iss).audience(TestConfigs.CLIENT_ID)
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString()).subject(sub).claim("tid", tid)
                .claim("events", Map.of(LogoutTokenValidator.BACKCHANNEL_LOGOUT_EVENT, Map.of())).build();
        return IdTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(IdTokens.RSA.getKeyID())
                .type(new JOSEObjectType("logout+jwt")).build(), claims, IdTokens.RSA);
    }

    private static OidcLogin login(String tid, String sub) {
        return OidcLogin.builder().issuer(issuerOf(tid)).subject(sub).principalName(sub).roles(Set.of())
                .idToken("h.p.s").accessToken("at").expiresAtMillis(NOW.plusSeconds(300).toEpochMilli())
                .loginAtMillis(NOW.minusSeconds(60).toEpochMilli()).issuedAtMillis(NOW.minusSeconds(60).toEpochMilli())
                .build();
    }

    @Test
    void aLogoutTokenEndsOnlyTheLoginsOfItsOwnTenant() {
        LogoutTokenValidator.LogoutToken token = logoutValidator(null).validate(logoutToken(A, issuerOf(A), "same-sub"));
        TenantIssuers tenants = config(null).tenants();
        EndedLogins ended = TenantEndedLogins.of(new InMemoryEndedLogins(NOW::toEpochMilli), tenants);
        ended.end(token.sid(), token.sub(), token.issuedAt().toEpochMilli(), NOW.toEpochMilli());
        assertThat(ended.isEnded(login(A, "same-sub"))).as("tenant A's login").isTrue();
        assertThat(ended.isEnded(login(B, "same-sub"))).as("tenant B's login, same sub").isFalse();
    }

    @Test
    void aLogoutTokenObeysTheSameIssuerRule() {
        assertThatThrownBy(() -> logoutValidator(null).validate(logoutToken(A, issuerOf(B), "s")))
                .isInstanceOf(TokenValidationException.class).hasMessageContaining("the issuer of its tid (§2.6 step 2)");
        assertThatThrownBy(() -> logoutValidator(null).validate(logoutToken(null, issuerOf(A), "s")))
                .isInstanceOf(TokenValidationException.class).hasMessageContaining("tid is missing");
        assertThatThrownBy(() -> logoutValidator(A).validate(logoutToken(C, issuerOf(C), "s")))
                .isInstanceOf(TokenValidationException.class).hasMessageContaining("not one of the allowed tenants");
    }

    @Test
    void theAuthorizationResponsesIssIsTheTemplateOrTheIssuerOfAnAllowedTenant() {
        TenantIssuers any = config(null).tenants();
        TenantIssuers onlyA = config(A).tenants();
        assertThat(TenantIssuerRule.acceptsResponseIssuer(onlyA, TEMPLATE, TEMPLATE)).isTrue();
        assertThat(TenantIssuerRule.acceptsResponseIssuer(onlyA, issuerOf(A), TEMPLATE)).isTrue();
        assertThat(TenantIssuerRule.acceptsResponseIssuer(onlyA, issuerOf(B), TEMPLATE)).isFalse();
        assertThat(TenantIssuerRule.acceptsResponseIssuer(any, issuerOf(B), TEMPLATE)).isTrue();
        assertThat(TenantIssuerRule.acceptsResponseIssuer(any, "https://evil.example/" + A + "/v2.0", TEMPLATE))
                .isFalse();
        assertThat(TenantIssuerRule.acceptsResponseIssuer(any, issuerOf("a/b"), TEMPLATE)).isFalse();
        // one issuer: exactly that one, as before
        TenantIssuers single = TestConfigs.valid().tenants();
        assertThat(TenantIssuerRule.acceptsResponseIssuer(single, TestConfigs.ISSUER, TestConfigs.ISSUER)).isTrue();
        assertThat(TenantIssuerRule.acceptsResponseIssuer(single, TestConfigs.ISSUER + "/x", TestConfigs.ISSUER))
                .isFalse();
    }
}
