package io.github.oidcservlet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.SessionTrackingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.http.HttpCookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The executable jar declares the application in Java, the WAR in {@code WEB-INF/web.xml}: this keeps them one
 * application. (The README shows the web.xml, and the tests run the jar.)
 */
class WebXmlTest {

    private static final String JAKARTA_EE = "https://jakarta.ee/xml/ns/jakartaee";

    private static Element webXml;
    private static ServletContextHandler embedded;

    @BeforeAll
    static void read() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder()
                .parse(Path.of("src/main/webapp/WEB-INF/web.xml").toFile());
        webXml = document.getDocumentElement();
        embedded = SampleApp.webApplication(Map.of());
    }

    @Test
    void declaresTheSameFilterWithTheSameInitParams() {
        Map<String, String> declared = new TreeMap<>();
        Map<String, Map<String, String>> declaredParams = new TreeMap<>();
        for (Element filter : children(webXml, "filter")) {
            String name = text(filter, "filter-name");
            declared.put(name, text(filter, "filter-class"));
            declaredParams.put(name, initParams(filter));
        }
        Map<String, String> filters = new TreeMap<>();
        Map<String, Map<String, String>> params = new TreeMap<>();
        for (FilterHolder filter : embedded.getServletHandler().getFilters()) {
            filters.put(filter.getName(), filter.getClassName());
            params.put(filter.getName(), new TreeMap<>(filter.getInitParameters()));
        }
        assertThat(filters).isEqualTo(declared);
        assertThat(params).isEqualTo(declaredParams);
    }

    @Test
    void mapsTheFilterToTheSamePatternsForRequestsOnly() {
        Map<String, Set<String>> declared = new TreeMap<>();
        for (Element mapping : children(webXml, "filter-mapping")) {
            assertThat(children(mapping, "dispatcher")).as("web.xml's default dispatcher is REQUEST").isEmpty();
            declared.computeIfAbsent(text(mapping, "filter-name"), name -> new TreeSet<>())
                    .addAll(texts(mapping, "url-pattern"));
        }
        Map<String, Set<String>> embeddedMappings = new TreeMap<>();
        for (FilterMapping mapping : embedded.getServletHandler().getFilterMappings()) {
            assertThat(mapping.getDispatcherTypes()).isEqualTo(EnumSet.of(DispatcherType.REQUEST));
            embeddedMappings.computeIfAbsent(mapping.getFilterName(), name -> new TreeSet<>())
                    .addAll(Arrays.asList(mapping.getPathSpecs()));
        }
        assertThat(embeddedMappings).isEqualTo(declared);
    }

    @Test
    void declaresTheSameServletsAtTheSamePatterns() {
        Map<String, String> declared = new TreeMap<>();
        for (Element servlet : children(webXml, "servlet")) {
            declared.put(text(servlet, "servlet-name"), text(servlet, "servlet-class"));
            assertThat(initParams(servlet)).isEmpty();
        }
        Map<String, String> declaredMappings = new TreeMap<>();
        for (Element mapping : children(webXml, "servlet-mapping")) {
            for (String pattern : texts(mapping, "url-pattern")) {
                declaredMappings.put(pattern, text(mapping, "servlet-name"));
            }
        }
        ServletHandler handler = embedded.getServletHandler();
        Map<String, String> servlets = new TreeMap<>();
        for (ServletHolder servlet : handler.getServlets()) {
            servlets.put(servlet.getName(), servlet.getClassName());
            assertThat(servlet.getInitParameters()).isEmpty();
        }
        assertThat(servlets).isEqualTo(declared);
        Map<String, String> embeddedMappings = new TreeMap<>();
        for (ServletMapping mapping : handler.getServletMappings()) {
            for (String pattern : mapping.getPathSpecs()) {
                embeddedMappings.put(pattern, mapping.getServletName());
            }
        }
        assertThat(embeddedMappings).isEqualTo(declaredMappings);
    }

    @Test
    void configuresTheSessionCookieAndTheErrorPageAlike() {
        Element cookie = child(child(webXml, "session-config"), "cookie-config");
        assertThat(text(cookie, "http-only")).isEqualTo("true");
        Map<String, String> attributes = new HashMap<>();
        for (Element attribute : children(cookie, "attribute")) {
            attributes.put(text(attribute, "attribute-name"), text(attribute, "attribute-value"));
        }
        assertThat(attributes).isEqualTo(Map.of("SameSite", "Lax"));
        assertThat(texts(child(webXml, "session-config"), "tracking-mode")).containsExactly("COOKIE");

        assertThat(embedded.getSessionHandler().isHttpOnly()).isTrue();
        assertThat(embedded.getSessionHandler().getSameSite()).isEqualTo(HttpCookie.SameSite.LAX);
        assertThat(embedded.getSessionHandler().getEffectiveSessionTrackingModes())
                .containsExactly(SessionTrackingMode.COOKIE);

        Element errorPage = child(webXml, "error-page");
        assertThat(children(errorPage, "error-code")).isEmpty();
        assertThat(children(errorPage, "exception-type")).isEmpty();
        assertThat(((ErrorPageErrorHandler) embedded.getErrorHandler()).getErrorPages())
                .isEqualTo(Map.of(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, text(errorPage, "location")));
    }

    @Test
    void declaresNothingElse() {
        Set<String> elements = new TreeSet<>();
        for (Element element : children(webXml, null)) {
            elements.add(element.getLocalName());
        }
        // A new kind of declaration in web.xml needs its twin in SampleApp.webApplication, and a check here.
        assertThat(elements).containsExactlyInAnyOrder("display-name", "filter", "filter-mapping", "servlet",
                "servlet-mapping", "session-config", "error-page");
        assertThat(text(webXml, "display-name")).isEqualTo(embedded.getDisplayName());
    }

    private static Map<String, String> initParams(Element parent) {
        Map<String, String> params = new TreeMap<>();
        for (Element param : children(parent, "init-param")) {
            params.put(text(param, "param-name"), text(param, "param-value"));
        }
        return params;
    }

    /** The child elements named {@code name} (any name when null), in the Jakarta EE namespace. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && JAKARTA_EE.equals(element.getNamespaceURI())
                    && (name == null || name.equals(element.getLocalName()))) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getLocalName()).hasSize(1);
        return found.get(0);
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(element -> element.getTextContent().trim()).toList();
    }
}
