package io.github.oidcservlet.filter.internal;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class JakartaServletBindingTest {

    private final JakartaServletBinding http = JakartaServletBinding.INSTANCE;
    private final HttpServletRequest request = mock(HttpServletRequest.class);

    @Test
    void aContainerThatRefusesToParseTheParametersIsReportedAsABadRequest() {
        // Open Liberty's getParameterMap() on bad percent-encoding; Jetty throws its own BadMessageException
        when(request.getParameterMap()).thenThrow(new IllegalStateException("bad %-encoding"));
        assertThatThrownBy(() -> http.parameters(request)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parametersKeepEveryValue() {
        when(request.getParameterMap()).thenReturn(Map.of("state", new String[] {"a", "b"}));
        assertThat(http.parameters(request)).containsEntry("state", List.of("a", "b"));
    }

    @Test
    void readingASessionAttributeNeverCreatesASession() {
        assertThat(http.sessionAttribute(request, "x")).isNull();
        verify(request, never()).getSession(true);
        verify(request, never()).getSession();
    }

    @Test
    void commitFlushesTheResponse() throws IOException {
        HttpServletResponse response = mock(HttpServletResponse.class);
        http.commit(response);
        verify(response).flushBuffer();
    }

    @Test
    void invalidatingWithoutASessionDoesNothing() {
        http.invalidateSession(request);
        HttpSession session = mock(HttpSession.class);
        when(request.getSession(false)).thenReturn(session);
        http.invalidateSession(request);
        verify(session).invalidate();
    }

    @Test
    void theSessionCookieIsNamedByTheApplicationElseJsessionid() {
        ServletContext context = mock(ServletContext.class);
        SessionCookieConfig cookies = mock(SessionCookieConfig.class);
        when(request.getServletContext()).thenReturn(context);
        when(context.getSessionCookieConfig()).thenReturn(cookies);
        assertThat(http.sessionCookieName(request)).isEqualTo("JSESSIONID");
        when(cookies.getName()).thenReturn("SHOPSESSION");
        assertThat(http.sessionCookieName(request)).isEqualTo("SHOPSESSION");
    }

    @Test
    void replacingSetCookieKeepsEveryValueInOrder() {
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.getHeaders("Set-Cookie")).thenReturn(List.of("a=1", "JSESSIONID=x"));
        assertThat(http.responseHeaders(response, "Set-Cookie")).containsExactly("a=1", "JSESSIONID=x");

        http.replaceResponseHeaders(response, "Set-Cookie", List.of("a=1", "JSESSIONID=x; SameSite=Lax"));
        var order = inOrder(response);
        order.verify(response).setHeader("Set-Cookie", "a=1");
        order.verify(response).addHeader("Set-Cookie", "JSESSIONID=x; SameSite=Lax");
    }
}
