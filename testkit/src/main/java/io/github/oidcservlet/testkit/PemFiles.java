package io.github.oidcservlet.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Client key pairs and their PKCS#8 PEM files, for relying parties that authenticate with {@code private_key_jwt}. */
public final class PemFiles {

    private PemFiles() {
    }

    /**
     * A fresh RSA 2048 key pair (signs RS256).
     *
     * @return the new key pair
     */
    public static KeyPair rsaKeyPair() {
        return generate("RSA", null);
    }

    /**
     * A fresh EC key pair on the named curve, e.g. {@code secp256r1} (P-256, signs ES256).
     *
     * @param curve the curve name
     * @return the new key pair
     */
    public static KeyPair ecKeyPair(String curve) {
        return generate("EC", curve);
    }

    /**
     * Writes the key as {@code -----BEGIN PRIVATE KEY-----} (PKCS#8, RFC 7468 §10) to a new file in {@code dir}.
     *
     * @param key the key
     * @param dir the directory
     * @return the new file
     */
    public static Path writePkcs8(PrivateKey key, Path dir) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        try {
            Path file = Files.createTempFile(dir, "client-key-", ".pem");
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n",
                    StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generate(String algorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve == null) {
                generator.initialize(2048);
            } else {
                generator.initialize(new ECGenParameterSpec(curve));
            }
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key pair", e);
        }
    }
}
