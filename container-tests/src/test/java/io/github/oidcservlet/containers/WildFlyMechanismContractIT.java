package io.github.oidcservlet.containers;

import java.util.Map;

/** The Jakarta EE sample's WAR (the mechanism) on WildFly. */
class WildFlyMechanismContractIT extends ContainerContract {

    @Override
    String container() {
        return "WildFly";
    }

    @Override
    String version() {
        return System.getProperty("wildfly.version");
    }

    @Override
    String frontDoor() {
        return "mechanism";
    }

    @Override
    Started launch(Map<String, String> oidcEnvironment) throws Exception {
        return WildFly.start(ServerFiles.mechanismWar(), oidcEnvironment, false);
    }
}
