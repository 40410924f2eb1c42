package io.github.oidcservlet.benchmarks.servlet;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/** A response the authenticated path never touches: any call fails the benchmark. */
public final class BenchResponse extends HttpServletResponseWrapper {

    public BenchResponse() {
        super(Unsupported.of(HttpServletResponse.class));
    }
}
