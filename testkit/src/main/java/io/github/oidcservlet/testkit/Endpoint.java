package io.github.oidcservlet.testkit;

/** One endpoint of the provider: a recorded request in, an answer out. */
interface Endpoint {

    /** The name requests are recorded under ({@link TestProvider#requests(String)}). */
    String name();

    Answer handle(RecordedRequest request) throws InterruptedException;
}
