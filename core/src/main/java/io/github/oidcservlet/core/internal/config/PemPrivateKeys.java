package io.github.oidcservlet.core.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads an unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}, RFC 7468 §10) with the JDK alone. */
final class PemPrivateKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    /** The order of P-256 (SEC 2 §2.4.2, FIPS 186-4 D.1.2.3): how an EC key shows it is on that curve. */
    private static final java.math.BigInteger P256_ORDER = new java.math.BigInteger(
            "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);

    private PemPrivateKeys() {
    }

    /**
     * The RSA or EC P-256 key in the file.
     *
     * @throws IllegalArgumentException with a sentence for the user when the file is unreadable, not PKCS#8 PEM,
     *                                  or holds another kind of key
     */
    static PrivateKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("names a file that cannot be read: " + file);
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            String hint = text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")
                    ? " (this is PKCS#1/SEC1; convert it with 'openssl pkcs8 -topk8 -nocrypt -in key.pem')"
                    : text.contains("ENCRYPTED PRIVATE KEY") ? " (encrypted keys are not supported)" : "";
            throw new IllegalArgumentException("names " + file + ", which holds no unencrypted PKCS#8 PEM key ("
                    + BEGIN + ")" + hint);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("names " + file + ", whose PEM body is not valid Base64");
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                if (key instanceof ECPrivateKey ec && !ec.getParams().getOrder().equals(P256_ORDER)) {
                    throw new IllegalArgumentException("names " + file + ", an EC key on a curve other than P-256 "
                            + "(only P-256 keys, signing ES256, are supported)");
                }
                return key;
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next one
            }
        }
        throw new IllegalArgumentException("names " + file + ", which holds no RSA or EC private key");
    }
}
