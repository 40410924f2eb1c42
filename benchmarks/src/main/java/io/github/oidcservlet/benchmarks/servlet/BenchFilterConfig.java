package io.github.oidcservlet.benchmarks.servlet;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/** Init-params for a filter under benchmark. */
public record BenchFilterConfig(Map<String, String> params) implements FilterConfig {

    @Override
    public String getFilterName() {
        return "oidc";
    }

    @Override
    public ServletContext getServletContext() {
        return null;
    }

    @Override
    public String getInitParameter(String name) {
        return params.get(name);
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(params.keySet());
    }
}
