package io.github.oidcservlet.core.internal.logout;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.internal.config.TenantIssuers;
import io.github.oidcservlet.core.internal.store.InMemoryEndedLogins;
import io.github.oidcservlet.core.store.EndedLogins;
import io.github.oidcservlet.core.TestConfigs;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The hot path of a multi-tenant issuer: a session lookup and an expiry comparison, no copy of the login. */
class TenantEndedLoginsTest {

    private static final String TEMPLATE = "https://login.microsoftonline.com/{tenantid}/v2.0";
    private static final long NOW = 1_700_000_000_000L;

    private static TenantIssuers tenants() {
        return TestConfigs.with("issuer", TEMPLATE, "discovery-uri",
                "https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration").tenants();
    }

    private static OidcLogin login(String tid, String sub) {
        return OidcLogin.builder().issuer(TEMPLATE.replace(TenantIssuers.PLACEHOLDER, tid)).subject(sub)
                .principalName(sub).roles(Set.of()).idToken("h.p.s").accessToken("at").sid("sid-" + sub)
                .expiresAtMillis(NOW + 300_000).loginAtMillis(NOW - 60_000).issuedAtMillis(NOW - 60_000).build();
    }

    /** Records the logins the view hands on. */
    private static final class Recording implements EndedLogins {
        final List<OidcLogin> received = new ArrayList<>();

        @Override
        public void end(String sid, String sub, long issuedAtMillis, long receivedAtMillis) {
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public boolean isEnded(OidcLogin session) {
            received.add(session);
            return false;
        }

        @Override
        public boolean isEndedScoped(OidcLogin session) {
            received.add(session);
            return false;
        }
    }

    @Test
    void theStoreIsAskedWithTheRequestsLoginItselfNotACopy() {
        Recording store = new Recording();
        EndedLogins view = TenantEndedLogins.of(store, tenants());
        OidcLogin login = login("aaaa", "alice");

        view.isEnded(login);

        assertThat(store.received).hasSize(1);
        assertThat(store.received.get(0)).isSameAs(login);
    }

    @Test
    void aLookupAfterALogoutOfAnotherTenantAllocatesNothing() {
        assumeThat(ManagementFactory.getThreadMXBean()).isInstanceOf(com.sun.management.ThreadMXBean.class);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        EndedLogins view = TenantEndedLogins.of(new InMemoryEndedLogins(() -> NOW), tenants());
        view.end(TenantIssuers.issuerScoped(login("bbbb", "bob").issuer(), "sid-bob"), null, NOW, NOW);
        OidcLogin alice = login("aaaa", "alice");
        int calls = 20_000;
        boolean ended = view.isEnded(alice);

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) {
            ended |= view.isEnded(alice);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(ended).isFalse();
        assertThat(view.isEnded(login("bbbb", "bob"))).as("the other tenant's login").isTrue();
        // a copy of the login and two keys per call would be megabytes; the bound leaves room for the JVM's own
        assertThat(allocated).as("bytes allocated by %d lookups", calls).isLessThan(calls * 4L);
    }
}
