package io.github.oidcservlet.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The TCP sockets a process tree listens on, as Linux's {@code ss -ltnp} lists them. */
final class Listeners {

    private static final Pattern LINE = Pattern.compile("^LISTEN\\s+\\d+\\s+\\d+\\s+(\\S+):(\\d+)\\s+.*");
    private static final Pattern PID = Pattern.compile("pid=(\\d+)");

    private Listeners() {
    }

    /**
     * The local addresses ({@code 127.0.0.1:8080}, {@code *:6900}) that {@code process} or any of its descendants
     * listen on; empty if {@code ss} is not there to ask.
     */
    static List<String> of(ProcessHandle process) throws IOException, InterruptedException {
        Set<Long> pids = Stream.concat(Stream.of(process), process.descendants()).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
        Process ss;
        try {
            ss = new ProcessBuilder("ss", "-Hltnp").redirectErrorStream(true).start();
        } catch (IOException noSs) {
            return List.of();
        }
        String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor(10, TimeUnit.SECONDS);
        List<String> addresses = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher listen = LINE.matcher(line.trim());
            Matcher pid = PID.matcher(line);
            if (listen.matches() && pid.find() && pids.contains(Long.parseLong(pid.group(1)))) {
                addresses.add(listen.group(1) + ":" + listen.group(2));
            }
        }
        return addresses;
    }

    /** Whether {@code address} (as {@code ss} prints it) is a loopback address. */
    static boolean isLoopback(String address) {
        String host = address.substring(0, address.lastIndexOf(':'));
        return host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("[::ffff:127.0.0.1]");
    }
}
