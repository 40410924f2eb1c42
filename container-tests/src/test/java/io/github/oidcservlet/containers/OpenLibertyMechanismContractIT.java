package io.github.oidcservlet.containers;

import java.util.Map;

/** The Jakarta EE sample's WAR (the mechanism) on Open Liberty. */
class OpenLibertyMechanismContractIT extends ContainerContract {

    @Override
    String container() {
        return "Open Liberty";
    }

    @Override
    String version() {
        return System.getProperty("openliberty.version");
    }

    @Override
    String frontDoor() {
        return "mechanism";
    }

    @Override
    Started launch(Map<String, String> oidcEnvironment) throws Exception {
        return OpenLiberty.start(ServerFiles.mechanismWar(), oidcEnvironment);
    }
}
