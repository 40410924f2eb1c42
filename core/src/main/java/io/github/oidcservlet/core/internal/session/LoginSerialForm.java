package io.github.oidcservlet.core.internal.session;

import io.github.oidcservlet.core.OidcLoginBuilder;
import io.github.oidcservlet.core.OidcLogin;
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
 * How an {@link OidcLogin} travels when a container persists or replicates sessions: its values in a compact
 * binary form (a version byte, length-prefixed UTF-8 strings, three longs), without the class descriptors that
 * default serialization writes for every field, set and wrapper. Keeps a serialized session within a few dozen
 * bytes of the tokens it carries. The principal and the decoded claims are rebuilt on arrival.
 */
public final class LoginSerialForm implements Externalizable {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Version 3 adds the login id, the registration and the client id, and writes lengths as variable-length
     * integers (one byte below 128), so it is about as long as version 2 although it carries more. Version 2 added
     * the issuer, the ID token's iat and the granted scope. Versions 1 and 2 are still read.
     */
    private static final byte VERSION = 3;
    private static final byte VERSION_WITH_ISSUER = 2;
    private static final byte VERSION_WITHOUT_ISSUER = 1;
    private static final int MAX_STRING_BYTES = 16 * 1024 * 1024;

    private OidcLogin session;

    /** For {@link Externalizable}: deserialization creates the form empty, then {@link #readExternal} fills it. */
    public LoginSerialForm() {
    }

    public LoginSerialForm(OidcLogin session) {
        this.session = session;
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeByte(VERSION);
        writeCompact(out, session.loginId());
        // the common case costs one byte
        writeCompact(out, OidcLogin.DEFAULT_REGISTRATION.equals(session.registrationId()) ? null
                : session.registrationId());
        writeCompact(out, session.issuer());
        writeCompact(out, session.clientId());
        writeCompact(out, session.subject());
        writeCompact(out, session.principalName());
        writeVarInt(out, session.roles().size());
        for (String role : session.roles()) {
            writeCompact(out, role);
        }
        writeCompact(out, session.idToken());
        writeCompact(out, session.accessToken());
        writeCompact(out, session.refreshToken());
        out.writeLong(session.expiresAtMillis());
        writeCompact(out, session.userinfoJson());
        writeCompact(out, session.sid());
        out.writeLong(session.loginAtMillis());
        out.writeLong(session.issuedAtMillis());
        writeCompact(out, session.grantedScope());
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        byte version = in.readByte();
        if (version == VERSION) {
            readCurrent(in);
        } else if (version == VERSION_WITH_ISSUER || version == VERSION_WITHOUT_ISSUER) {
            readLegacy(in, version);
        } else {
            throw new InvalidObjectException("unknown OidcLogin form version " + version);
        }
    }

    private void readCurrent(ObjectInput in) throws IOException {
        OidcLoginBuilder b = OidcLogin.builder().loginId(readCompact(in));
        String registration = readCompact(in);
        b.registrationId(registration == null ? OidcLogin.DEFAULT_REGISTRATION : registration)
                .issuer(readCompact(in)).clientId(readCompact(in)).subject(readCompact(in))
                .principalName(readCompact(in));
        int roleCount = readVarInt(in);
        Set<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < checkedRoleCount(roleCount); i++) {
            roles.add(readCompact(in));
        }
        b.roles(roles).idToken(readCompact(in)).accessToken(readCompact(in)).refreshToken(readCompact(in))
                .expiresAtMillis(in.readLong()).userinfoJson(readCompact(in)).sid(readCompact(in))
                .loginAtMillis(in.readLong()).issuedAtMillis(in.readLong()).grantedScope(readCompact(in));
        session = checked(b);
    }

    /** Versions 1 and 2: fixed four-byte lengths, no login id (one is derived from the ID token, see below). */
    private void readLegacy(ObjectInput in, byte version) throws IOException {
        OidcLoginBuilder b = OidcLogin.builder().subject(readString(in)).principalName(readString(in));
        int roleCount = in.readInt();
        Set<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < checkedRoleCount(roleCount); i++) {
            roles.add(readString(in));
        }
        String idToken = readString(in);
        b.roles(roles).idToken(idToken).accessToken(readString(in)).refreshToken(readString(in))
                .expiresAtMillis(in.readLong()).userinfoJson(readString(in)).sid(readString(in));
        long loginAt = in.readLong();
        b.loginAtMillis(loginAt);
        if (version == VERSION_WITH_ISSUER) {
            b.issuer(readString(in)).issuedAtMillis(in.readLong()).grantedScope(readString(in));
        }
        // Every copy of one stored login must get the same id, so it is derived from the login's ID token
        // rather than drawn at random; it is then kept like any other.
        if (idToken != null) {
            b.loginId(Generations.of(idToken));
        }
        session = checked(b);
    }

    private static int checkedRoleCount(int roleCount) throws InvalidObjectException {
        if (roleCount < 0 || roleCount > 100_000) {
            throw new InvalidObjectException("implausible role count " + roleCount);
        }
        return roleCount;
    }

    private static OidcLogin checked(OidcLoginBuilder b) throws InvalidObjectException {
        try {
            return b.build();
        } catch (NullPointerException e) {
            throw new InvalidObjectException("an OidcLogin form lacks a required value: " + e.getMessage());
        }
    }

    @Serial
    private Object readResolve() {
        return session;
    }

    /**
     * A string that may be longer than {@code writeUTF}'s 64 KiB (large tokens exist), or null: its UTF-8 length
     * plus one as a variable-length integer (0 is null), then the bytes.
     */
    private static void writeCompact(ObjectOutput out, String value) throws IOException {
        if (value == null) {
            writeVarInt(out, 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeVarInt(out, bytes.length + 1);
        out.write(bytes);
    }

    private static String readCompact(ObjectInput in) throws IOException {
        int lengthPlusOne = readVarInt(in);
        if (lengthPlusOne == 0) {
            return null;
        }
        return readBytes(in, lengthPlusOne - 1);
    }

    /** Seven bits a byte, low bits first; the high bit says another byte follows. */
    private static void writeVarInt(ObjectOutput out, int value) throws IOException {
        int rest = value;
        while ((rest & ~0x7F) != 0) {
            out.writeByte((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.writeByte(rest);
    }

    private static int readVarInt(ObjectInput in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new InvalidObjectException("malformed length");
    }

    private static String readString(ObjectInput in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        return readBytes(in, length);
    }

    private static String readBytes(ObjectInput in, int length) throws IOException {
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new InvalidObjectException("implausible string length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
