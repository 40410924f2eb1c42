package io.github.oidcservlet.containers;

import java.util.Map;

/** The filter sample's WAR on Tomcat 10.1 (embedded, in a JVM of its own). */
class Tomcat10FilterContractIT extends ContainerContract {

    @Override
    String container() {
        return "Apache Tomcat";
    }

    @Override
    String version() {
        return System.getProperty("tomcat10.version");
    }

    @Override
    String frontDoor() {
        return "filter";
    }

    @Override
    Started launch(Map<String, String> oidcEnvironment) throws Exception {
        return EmbeddedTomcat.start("tomcat10.lib", ServerFiles.filterWar(), oidcEnvironment);
    }
}
