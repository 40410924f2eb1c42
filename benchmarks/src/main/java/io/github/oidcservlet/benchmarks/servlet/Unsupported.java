package io.github.oidcservlet.benchmarks.servlet;

import java.lang.reflect.Proxy;

/**
 * A servlet object of which every method throws. Benchmarks wrap it and override only what the code under test
 * may call, so an unexpected call fails loudly instead of skewing a measurement; the overridden methods never
 * reach the proxy, so measured calls allocate nothing here.
 */
final class Unsupported {

    private Unsupported() {
    }

    static <T> T of(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "toString":
                    return "unsupported " + type.getSimpleName();
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    throw new UnsupportedOperationException(method.getName() + " is not used by the benchmarked path");
            }
        }));
    }
}
