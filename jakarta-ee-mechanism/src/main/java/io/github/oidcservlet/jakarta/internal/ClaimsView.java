package io.github.oidcservlet.jakarta.internal;

import jakarta.security.enterprise.identitystore.openid.Claims;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdClaims;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A claims map (JSON types, as the engine decodes them) seen through the Jakarta Security {@link Claims}
 * interfaces. {@link OpenIdClaims} and {@link JwtClaims} disagree on {@code getSubject()}, hence two views.
 */
class ClaimsView implements Claims {

    private final Map<String, Object> claims;

    /** A claim whose value is JSON {@code null} is an absent claim (OIDC Core §5.3.2 says to omit such claims). */
    ClaimsView(Map<String, Object> claims) {
        Map<String, Object> present = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        this.claims = Collections.unmodifiableMap(present);
    }

    /** The caller's claims as {@code OpenIdContext.getClaims()} shows them. */
    static OpenIdClaims openId(Map<String, Object> claims) {
        return new OpenIdView(claims);
    }

    /** A token's claims as {@code getJwtClaims()} shows them. */
    static JwtClaims jwt(Map<String, Object> claims) {
        return new JwtView(claims);
    }

    @Override
    public Optional<String> getStringClaim(String name) {
        return Optional.ofNullable(claims.get(name)).map(Object::toString);
    }

    @Override
    public Optional<Instant> getNumericDateClaim(String name) {
        // RFC 7519 §2: NumericDate is seconds since the epoch.
        return number(name).map(seconds -> Instant.ofEpochSecond(seconds.longValue()));
    }

    @Override
    public List<String> getArrayStringClaim(String name) {
        Object value = claims.get(name);
        if (value instanceof Collection<?> values) {
            return values.stream().filter(Objects::nonNull).map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    @Override
    public OptionalInt getIntClaim(String name) {
        return number(name).map(n -> OptionalInt.of(n.intValue())).orElse(OptionalInt.empty());
    }

    @Override
    public OptionalLong getLongClaim(String name) {
        return number(name).map(n -> OptionalLong.of(n.longValue())).orElse(OptionalLong.empty());
    }

    @Override
    public OptionalDouble getDoubleClaim(String name) {
        return number(name).map(n -> OptionalDouble.of(n.doubleValue())).orElse(OptionalDouble.empty());
    }

    @Override
    public Optional<Claims> getNested(String name) {
        if (claims.get(name) instanceof Map<?, ?> nested) {
            Map<String, Object> copy = new LinkedHashMap<>();
            nested.forEach((key, value) -> copy.put(String.valueOf(key), value));
            return Optional.of(new ClaimsView(copy));
        }
        return Optional.empty();
    }

    private Optional<Number> number(String name) {
        Object value = claims.get(name);
        if (value instanceof Number number) {
            return Optional.of(number);
        }
        if (value instanceof String text) {
            try {
                return Optional.of(Double.parseDouble(text));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Claims" + claims.keySet();
    }

    private static final class OpenIdView extends ClaimsView implements OpenIdClaims {
        OpenIdView(Map<String, Object> claims) {
            super(claims);
        }
    }

    private static final class JwtView extends ClaimsView implements JwtClaims {
        JwtView(Map<String, Object> claims) {
            super(claims);
        }
    }
}
