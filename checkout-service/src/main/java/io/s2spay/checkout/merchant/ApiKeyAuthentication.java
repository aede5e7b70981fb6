package io.s2spay.checkout.merchant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Requires a merchant's API key on every {@code /v1/**} request and hands the merchant to controllers as an
 * {@link AuthenticatedMerchant} parameter; a request without a valid key never reaches a controller.
 */
@Component
class ApiKeyAuthentication implements WebMvcConfigurer, HandlerInterceptor, HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = AuthenticatedMerchant.class.getName();

    private final MerchantAuthenticator authenticator;

    ApiKeyAuthentication(MerchantAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/v1/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        AuthenticatedMerchant merchant = authenticator
                .authenticate(request.getHeader(HttpHeaders.AUTHORIZATION))
                .orElseThrow(UnauthenticatedException::new);
        request.setAttribute(ATTRIBUTE, merchant);
        return true;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthenticatedMerchant.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Object merchant = webRequest.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (merchant == null) {
            throw new UnauthenticatedException();
        }
        return merchant;
    }
}
