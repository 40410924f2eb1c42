package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.internal.session.LoginSerialForm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * A refreshed login as bytes for the claims table: Java serialization, which writes an {@link OidcLogin} as its
 * compact {@link LoginSerialForm}. Reading accepts that form and nothing else, so a row written by someone
 * else than this store cannot make the node deserialize arbitrary classes.
 */
final class SessionBytes {

    private static final ObjectInputFilter ONLY_THE_SERIAL_FORM = info -> {
        if (info.depth() > 2 || info.streamBytes() > 64L * 1024 * 1024) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        // the form, and the login its readResolve returns (a login's own readObject refuses a stream of fields)
        return type == LoginSerialForm.class || type == OidcLogin.class ? ObjectInputFilter.Status.ALLOWED
                : ObjectInputFilter.Status.REJECTED;
    };

    private SessionBytes() {
    }

    static byte[] of(OidcLogin session) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        } catch (IOException e) {
            throw new IllegalStateException("an OidcLogin always serializes", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IOException when the bytes are no serialized login */
    static OidcLogin read(byte[] bytes) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ONLY_THE_SERIAL_FORM);
            Object read = in.readObject();
            if (read instanceof OidcLogin session) {
                return session;
            }
            throw new IOException("the claims table holds a " + (read == null ? "null" : read.getClass().getName())
                    + " where a login was expected");
        } catch (ClassNotFoundException e) {
            throw new IOException("unknown class in a stored login", e);
        }
    }
}
