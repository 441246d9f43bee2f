package dev.testlet.examples.spring;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.springframework.web.WebApplicationInitializer;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Boots Spring MVC without a web.xml: a context from {@link WebConfig} and a {@code DispatcherServlet}
 * on {@code /}, as the Spring reference documentation shows it.
 */
public final class WebInitializer implements WebApplicationInitializer {

    /** Called by {@code SpringServletContainerInitializer} (which needs a public no-argument constructor). */
    public WebInitializer() {}

    @Override
    public void onStartup(ServletContext servletContext) {
        AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
        context.register(WebConfig.class);
        ServletRegistration.Dynamic dispatcher = servletContext.addServlet("dispatcher", new DispatcherServlet(context));
        dispatcher.setLoadOnStartup(1);
        dispatcher.addMapping("/");
    }
}
