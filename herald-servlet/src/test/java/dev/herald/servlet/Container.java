package dev.herald.servlet;

import jakarta.servlet.Servlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The servlet containers Herald's servlet binding is tested in: one servlet at {@code /*}, asynchronous, on an ephemeral port. */
enum Container {

    TOMCAT {
        @Override
        Running start(Servlet servlet) {
            try {
                Tomcat tomcat = new Tomcat();
                tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
                Connector connector = new Connector();
                connector.setPort(0);
                connector.setProperty("address", "127.0.0.1");
                tomcat.setConnector(connector);
                Context context = tomcat.addContext("", null);
                Wrapper wrapper = Tomcat.addServlet(context, "herald", servlet);
                wrapper.setAsyncSupported(true);
                context.addServletMappingDecoded("/*", "herald");
                tomcat.start();
                return new Running(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"), () -> {
                    tomcat.stop();
                    tomcat.destroy();
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (LifecycleException e) {
                throw new IllegalStateException("Tomcat did not start", e);
            }
        }
    },

    JETTY {
        @Override
        Running start(Servlet servlet) {
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler();
            ServletHolder holder = new ServletHolder(servlet);
            holder.setAsyncSupported(true);
            context.addServlet(holder, "/*");
            server.setHandler(context);
            try {
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException("Jetty did not start", e);
            }
            return new Running(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"), server::stop);
        }
    };

    abstract Running start(Servlet servlet);

    /** A started container: its base URI; closing stops it. */
    record Running(URI uri, Stop stop) implements AutoCloseable {

        @Override
        public void close() {
            try {
                stop.stop();
            } catch (Exception e) {
                throw new IllegalStateException("the container did not stop", e);
            }
        }
    }

    interface Stop {
        void stop() throws Exception;
    }
}
