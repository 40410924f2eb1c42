package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.OidcLogin;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The refreshed login travels between nodes as bytes; nothing but a login is ever read back from them. */
class SessionBytesTest {

    @Test
    void aLoginComesBackTheSameLogin() throws IOException {
        OidcLogin login = Nodes.login("alice", "sid-1");
        OidcLogin read = SessionBytes.read(SessionBytes.of(login));
        assertThat(read.isSameLoginAs(login)).isTrue();
        assertThat(read.refreshToken()).isEqualTo(login.refreshToken());
    }

    @Test
    void bytesOfAnyOtherClassAreRefusedBeforeTheyAreRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(List.of("not a login")));
        }
        assertThatThrownBy(() -> SessionBytes.read(bytes.toByteArray())).isInstanceOf(InvalidClassException.class);
    }
}
