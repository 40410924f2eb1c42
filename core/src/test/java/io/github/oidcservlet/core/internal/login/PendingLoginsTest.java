package io.github.oidcservlet.core.internal.login;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class PendingLoginsTest {

    private static PendingLogin login(String state, long at) {
        return new PendingLogin(state, "n-" + state, "v-" + state, "https://app/cb", "/" + state, at);
    }

    @Test
    void aStateIsTakenOnlyOnce() {
        PendingLogins pending = new PendingLogins();
        pending.add(login("a", 0));
        assertThat(pending.take("a", 1)).map(PendingLogin::returnTo).hasValue("/a");
        assertThat(pending.take("a", 2)).isEmpty();
    }

    @Test
    void unknownStatesAreNotFound() {
        PendingLogins pending = new PendingLogins();
        pending.add(login("a", 0));
        assertThat(pending.take("b", 1)).isEmpty();
        assertThat(pending.take("a", 1)).isPresent();
    }

    @Test
    void entriesExpireAfterTenMinutes() {
        PendingLogins pending = new PendingLogins();
        pending.add(login("a", 0));
        pending.add(login("b", 0));
        assertThat(pending.take("a", PendingLogins.LIFETIME.toMillis())).isPresent();
        assertThat(pending.take("b", PendingLogins.LIFETIME.toMillis() + 1)).isEmpty();
    }

    @Test
    void isBoundedDroppingTheOldest() {
        PendingLogins pending = new PendingLogins();
        for (int i = 0; i <= PendingLogins.MAX_ENTRIES; i++) {
            pending.add(login("s" + i, i));
        }
        assertThat(pending.size()).isEqualTo(PendingLogins.MAX_ENTRIES);
        assertThat(pending.take("s0", 100)).isEmpty();
        assertThat(pending.take("s" + PendingLogins.MAX_ENTRIES, 100)).isPresent();
    }

    @Test
    void survivesSerialization() throws IOException, ClassNotFoundException {
        PendingLogins pending = new PendingLogins();
        pending.add(login("a", 0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(pending);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            PendingLogins copy = (PendingLogins) in.readObject();
            assertThat(copy.take("a", 1)).map(PendingLogin::codeVerifier).hasValue("v-a");
        }
    }
}
