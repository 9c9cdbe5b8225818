package org.deskcrm.testing;

import java.util.List;
import java.util.stream.Stream;
import org.deskcrm.platform.db.Database;
import org.deskcrm.platform.db.DatabaseConfig;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

final class BothDatabasesExtension implements TestTemplateInvocationContextProvider {
    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(DatabaseConfig.Kind.H2, DatabaseConfig.Kind.POSTGRESQL).map(Invocation::new);
    }

    private record Invocation(DatabaseConfig.Kind kind) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return kind == DatabaseConfig.Kind.H2 ? "[H2]" : "[PostgreSQL]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
                    return p.getParameter().getType() == Database.class;
                }

                @Override
                public Object resolveParameter(ParameterContext p, ExtensionContext e) {
                    return TestDatabases.get(kind);
                }
            });
        }
    }
}
