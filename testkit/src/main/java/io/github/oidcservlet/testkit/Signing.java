package io.github.oidcservlet.testkit;

/**
 * How the provider signs the ID tokens it issues. Only {@link #RS256} and {@link #ES256} are honest; the others
 * produce the tokens that a relying party must refuse (OIDC Core 3.1.3.7 steps 6 to 8, RFC 8725 §2.1 and §3.1).
 */
public enum Signing {
    /** RS256 with the current RSA key; its {@code kid} is in the JWKS. The default. */
    RS256,
    /** ES256 with the current P-256 key; its {@code kid} is in the JWKS. */
    ES256,
    /** Unsecured JWS: header {@code {"alg":"none"}} and an empty signature (RFC 7519 §6). */
    NONE,
    /**
     * Algorithm confusion (RFC 8725 §2.1): HS256 keyed with the RSA public key's X.509 DER encoding
     * ({@code PublicKey.getEncoded()}), with the RSA key's {@code kid} in the header.
     */
    HS256_WITH_RSA_PUBLIC_KEY,
    /** RS256 with an RSA key that is not in the JWKS, under the {@code kid} of the published RSA key. */
    FORGED,
    /**
     * HS256 keyed with the UTF-8 bytes of the client secret (OIDC Core 10.1: symmetric signatures use the
     * client secret); only acceptable to a relying party that explicitly allows HS256. No {@code kid}.
     */
    HS256_WITH_CLIENT_SECRET
}
