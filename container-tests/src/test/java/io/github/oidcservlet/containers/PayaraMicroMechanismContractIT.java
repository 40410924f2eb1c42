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

    /**
     * Payara Micro 6.2025.10, like GlassFish 7, writes no {@code SameSite} from {@code web.xml}'s
     * {@code cookie-config}: its session cookie is {@code JSESSIONID=…; Path=/; HttpOnly}. Browsers treat a cookie
     * without it as {@code Lax}.
     */
    @Override
    protected boolean serverWritesSameSite() {
        return false;
    }

    @Override
    Started launch(Map<String, String> oidcEnvironment) throws Exception {
        return PayaraMicro.start(ServerFiles.mechanismWar(), oidcEnvironment);
    }
}
