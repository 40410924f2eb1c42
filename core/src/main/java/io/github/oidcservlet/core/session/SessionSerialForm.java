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

    /** The form every release wrote so far; still written when there is no granted scope to carry. */
    private static final byte VERSION = 1;
    /** Version 1 and the granted scope at the end: only a login whose granted scope differs pays for it. */
    private static final byte VERSION_WITH_SCOPE = 2;

    private OidcSession session;

    /** For {@link Externalizable}: deserialization creates the form empty, then {@link #readExternal} fills it. */
    public SessionSerialForm() {
    }

    SessionSerialForm(OidcSession session) {
        this.session = session;
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        // Version 1 whenever it can carry the session, so nodes of the previous release still read it (rolling
        // upgrades); the granted scope only exists when the provider narrowed or widened the request.
        out.writeByte(session.grantedScope() == null ? VERSION : VERSION_WITH_SCOPE);
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
        if (session.grantedScope() != null) {
            writeString(out, session.grantedScope());
        }
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        byte version = in.readByte();
        if (version != VERSION && version != VERSION_WITH_SCOPE) {
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
        long expiresAtMillis = in.readLong();
        String userinfoJson = readString(in);
        String sid = readString(in);
        long loginAtMillis = in.readLong();
        String grantedScope = version == VERSION_WITH_SCOPE ? readString(in) : null;
        session = new OidcSession(subject, principalName, roles, idToken, accessToken, refreshToken, expiresAtMillis,
                userinfoJson, sid, loginAtMillis, grantedScope);
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
