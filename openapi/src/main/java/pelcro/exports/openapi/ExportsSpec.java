package pelcro.exports.openapi;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Exports API contract, loaded once from the classpath: the one place Java reads the spec.
 *
 * <p>The sandbox and the contract suite both take the spec from here, so neither types a list that
 * the spec already holds (export types, filters, enums, messages).
 */
public final class ExportsSpec {
  /** Classpath location of the spec inside the {@code exports-openapi} artifact. */
  public static final String RESOURCE = "openapi/exports.yaml";

  private static final ExportsSpec INSTANCE = load();

  private final String json;
  private final OpenAPI model;
  private volatile String yaml;

  private ExportsSpec(String json, OpenAPI model) {
    this.json = json;
    this.model = model;
  }

  /** The spec, parsed once per class loader. */
  public static ExportsSpec get() {
    return INSTANCE;
  }

  /** The spec's text, exactly as shipped (served to docs pages and validators). */
  public String yaml() {
    String text = yaml;
    if (text == null) {
      text = readResource(RESOURCE);
      yaml = text;
    }
    return text;
  }

  /** The same document as JSON, the form a JSON parser reads fastest. */
  public String json() {
    return json;
  }

  /** The parsed model; treat it as read-only, it is shared. */
  public OpenAPI model() {
    return model;
  }

  /**
   * The named examples of {@code POST /exports}' JSON request body in {@code api} (this spec's
   * model, or a model read from its served text), in the spec's order.
   */
  public static Map<String, Example> requestExamples(OpenAPI api) {
    return api.getPaths()
        .get("/exports")
        .getPost()
        .getRequestBody()
        .getContent()
        .get("application/json")
        .getExamples();
  }

  /** A named schema from {@code components/schemas}. */
  public Schema<?> schema(String name) {
    Schema<?> schema = model.getComponents().getSchemas().get(name);
    if (schema == null) {
      throw new IllegalArgumentException("The spec has no schema named " + name);
    }
    return schema;
  }

  /**
   * The request-body schema for a value of {@code object}, chosen through the discriminator of
   * {@code ExportRequest}; empty for a value the spec does not know.
   */
  public Optional<Schema<?>> requestSchemaFor(String exportObject) {
    Map<String, String> mapping = schema("ExportRequest").getDiscriminator().getMapping();
    return Optional.ofNullable(mapping.get(exportObject))
        .map(ref -> schema(ref.substring(ref.lastIndexOf('/') + 1)));
  }

  /**
   * The schema of one field of the request body for a value of {@code object}, with a {@code $ref}
   * followed; empty when the type does not take the field.
   */
  public Optional<Schema<?>> requestField(String exportObject, String field) {
    return requestSchemaFor(exportObject)
        .map(branch -> (Schema<?>) branch.getProperties().get(field))
        .map(this::resolve);
  }

  /** The schema of a shared parameter from {@code components/parameters}. */
  public Schema<?> parameterSchema(String name) {
    Parameter parameter = model.getComponents().getParameters().get(name);
    if (parameter == null) {
      throw new IllegalArgumentException("The spec has no parameter named " + name);
    }
    return resolve(parameter.getSchema());
  }

  /**
   * The request fields whose filter compares without case ({@code x-case-insensitive: true} on the
   * field, e.g. {@code email}, {@code country}).
   */
  public Set<String> caseInsensitiveFields() {
    Set<String> fields = new TreeSet<>();
    for (String type : requestObjectValues()) {
      requestSchemaFor(type)
          .orElseThrow()
          .getProperties()
          .forEach(
              (name, property) -> {
                Map<String, Object> extensions = resolve(property).getExtensions();
                if (extensions != null
                    && Boolean.TRUE.equals(extensions.get("x-case-insensitive"))) {
                  fields.add(name);
                }
              });
    }
    return Set.copyOf(fields);
  }

  private Schema<?> resolve(Schema<?> schema) {
    if (schema != null && schema.get$ref() != null) {
      String ref = schema.get$ref();
      return schema(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return schema;
  }

  /** The values {@code object} accepts, synonyms included, in the spec's order. */
  public List<String> requestObjectValues() {
    return List.copyOf(schema("ExportRequest").getDiscriminator().getMapping().keySet());
  }

  /** The names of the CSV files in the accounting ZIP, in the documented order. */
  @SuppressWarnings("unchecked")
  public List<String> accountingFiles() {
    return List.copyOf(
        (List<String>) schema("AccountingExportRequest").getExtensions().get("x-accounting-files"));
  }

  private static ExportsSpec load() {
    // The build's JSON copy (SpecJson); made from the YAML here where the build step did not run.
    String json = readResource(SpecJson.RESOURCE);
    if (json == null) {
      json = SpecJson.of(readResource(RESOURCE));
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(json, null, options);
    if (result.getOpenAPI() == null || !result.getMessages().isEmpty()) {
      throw new IllegalStateException("The spec does not parse cleanly: " + result.getMessages());
    }
    return new ExportsSpec(json, result.getOpenAPI());
  }

  private static String readResource(String name) {
    try (InputStream in = ExportsSpec.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        if (name.equals(RESOURCE)) {
          throw new IllegalStateException(RESOURCE + " is not on the classpath");
        }
        return null;
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
