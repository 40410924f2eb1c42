package io.github.oidcservlet.containers;

import java.io.File;
import java.util.logging.LogManager;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.juli.ClassLoaderLogManager;

/**
 * {@code main} of a Tomcat JVM ({@link EmbeddedTomcat}): Tomcat embedded as an application embeds it, with a WAR at
 * the root, an HTTP connector on 127.0.0.1 and a port of the system's choosing (printed once it listens), the
 * {@code default} servlet of Tomcat's own {@code conf/web.xml}, and an orderly stop (the WAR undeployed) on
 * SIGTERM. Compiled against one Tomcat, run against whichever the class path holds.
 */
public final class TomcatLauncher {

    /** What this prints once the connector listens; the port follows. */
    static final String LISTENING = "tomcat listening on 127.0.0.1 port ";

    private TomcatLauncher() {
    }

    /**
     * Serves a WAR.
     *
     * @param args the base directory (work and temp folders), the WAR
     * @throws Exception if Tomcat does not start
     */
    // Context.addServletMappingDecoded: deprecated in 10.1 (its JSP-wildcard flag goes), the one way in both 10.1 and 11
    @SuppressWarnings("deprecation")
    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(args[0]);
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAppBase(new File(args[0], "webapps").getAbsolutePath());
        // Tomcat's default conf/web.xml without the JSP servlet (the samples have no JSP, and Jasper is a jar more).
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("", new File(args[1]).getAbsolutePath());
        Wrapper defaultServlet = Tomcat.addServlet(context, "default", "org.apache.catalina.servlets.DefaultServlet");
        defaultServlet.setLoadOnStartup(1);
        context.addServletMappingDecoded("/", "default");
        // Tomcat's log manager (-Djava.util.logging.manager), kept open until Tomcat has stopped: the stop is logged,
        // and with it the threads the application left running, which Tomcat names then.
        LogManager logs = LogManager.getLogManager();
        if (logs instanceof ClassLoaderLogManager manager) {
            manager.setUseShutdownHook(false);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                if (logs instanceof ClassLoaderLogManager manager) {
                    manager.shutdown();
                }
            }
        }, "tomcat-stop"));
        tomcat.start();
        System.out.println(LISTENING + connector.getLocalPort());
        tomcat.getServer().await();
    }
}
