package io.github.oidcservlet.core.session;

import java.io.Externalizable;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How an {@link OidcSession} travels when a container persists or replicates sessions: its values in a compact
 * binary form (a version byte, length-prefixed UTF-8 strings, two longs), without the class descriptors that
 * default serialization writes for every field, set and wrapper. Keeps a serialized session within a few dozen
 * bytes of the tokens it carries. The principal and the decoded claims are rebuilt on arrival.
 */
public final class SessionSerialForm implements Externalizable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Version 2 adds the issuer, the ID token's iat and the granted scope; version 1 is still read. */
    private static final byte VERSION = 2;
    private static final byte VERSION_WITHOUT_ISSUER = 1;

    private OidcSession session;

    /** For {@link Externalizable}: deserialization creates the form empty, then {@link #readExternal} fills it. */
    public SessionSerialForm() {
    }

    SessionSerialForm(OidcSession session) {
        this.session = session;
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeByte(VERSION);
        writeString(out, session.subject());
        writeString(out, session.principalName());
        out.writeInt(session.roles().size());
        for (String role : session.roles()) {
            writeString(out, role);
        }
        writeString(out, session.idToken());
        writeString(out, session.accessToken());
        writeString(out, session.refreshToken());
        out.writeLong(session.expiresAtMillis());
        writeString(out, session.userinfoJson());
        writeString(out, session.sid());
        out.writeLong(session.loginAtMillis());
        writeString(out, session.issuer());
        out.writeLong(session.issuedAtMillis());
        writeString(out, session.grantedScope());
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        byte version = in.readByte();
        if (version != VERSION && version != VERSION_WITHOUT_ISSUER) {
            throw new InvalidObjectException("unknown OidcSession form version " + version);
        }
        String subject = readString(in);
        String principalName = readString(in);
        int roleCount = in.readInt();
        if (roleCount < 0 || roleCount > 100_000) {
            throw new InvalidObjectException("implausible role count " + roleCount);
        }
        Set<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < roleCount; i++) {
            roles.add(readString(in));
        }
        String idToken = readString(in);
        String accessToken = readString(in);
        String refreshToken = readString(in);
        long expiresAt = in.readLong();
        String userinfo = readString(in);
        String sid = readString(in);
        long loginAt = in.readLong();
        String issuer = version == VERSION ? readString(in) : null;
        long issuedAt = version == VERSION ? in.readLong() : loginAt;
        String grantedScope = version == VERSION ? readString(in) : null;
        session = new OidcSession(issuer, subject, principalName, roles, idToken, accessToken, refreshToken,
                expiresAt, userinfo, sid, loginAt, issuedAt, grantedScope);
    }

    @Serial
    private Object readResolve() {
        return session;
    }

    /** A string that may be longer than {@code writeUTF}'s 64 KiB (large tokens exist), or null. */
    private static void writeString(ObjectOutput out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(ObjectInput in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > 16 * 1024 * 1024) {
            throw new InvalidObjectException("implausible string length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
