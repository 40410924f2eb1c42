package io.github.oidcservlet.containers;

import java.util.Map;

/** The Jakarta EE sample's WAR (the mechanism) on Payara Micro. */
class PayaraMicroMechanismContractIT extends ContainerContract {

    @Override
    String container() {
        return "Payara Micro";
    }

    @Override
    String version() {
        return System.getProperty("payara-micro.version");
    }

    @Override
    String frontDoor() {
        return "mechanism";
    }

    @Override
    Started launch(Map<String, String> oidcEnvironment) throws Exception {
        return PayaraMicro.start(ServerFiles.mechanismWar(), oidcEnvironment);
    }
}
