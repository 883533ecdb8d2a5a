/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jh-checker-private.h"
#include "jh-core-resources.h"
#include "jh-library-private.h"
#include "jh-object-list.h"
#include "jh-rule-private.h"
#include "jh-xml-private.h"

/**
 * JhLibrary:
 *
 * A clause library: reusable clauses and the rules that check plans,
 * read from a .jhlib file with the same defences as a plan file (no
 * DOCTYPE, no entities, no network, a size limit, the schema), since
 * libraries are shared on network folders and anyone may write one.
 */

static const JhXmlFormat library_format = {
  .root_name = "library",
  .namespace_uri = JH_LIBRARY_NAMESPACE,
  .schema_resource = "/io/github/jihua/Jihua/core/jihua-library.rng",
  .description = N_("a Jihua clause library"),
  .values_checked_by_reader = (const char * const []) { "clause", "source", NULL },
};

struct _JhLibrary
{
  GObject       parent_instance;

  char         *name;
  char         *title;
  char         *organization;
  char         *description;
  guint         version;
  GFile        *file;
  gboolean      builtin;
  JhObjectList *clauses;
  GListStore   *rules;
  GHashTable   *clauses_by_id;
  GHashTable   *rules_by_id;
  GPtrArray    *disabled;
  xmlDoc       *source;     /* the rules and <disable> elements as read:
                             * they are written back as they were */
};

G_DEFINE_FINAL_TYPE (JhLibrary, jh_library, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TITLE,
  PROP_VERSION,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
jh_library_dispose (GObject *object)
{
  JhLibrary *self = (JhLibrary *) object;

  g_clear_object (&self->file);
  if (self->clauses != NULL)
    {
      /* Clauses may outlive the library (in findings, in an index). */
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->clauses)); i++)
        {
          g_autoptr(JhClause) clause = g_list_model_get_item (G_LIST_MODEL (self->clauses), i);

          if (jh_clause_get_library (clause) == self)
            _jh_clause_set_library (clause, NULL);
        }
      jh_object_list_remove_all (self->clauses);
    }
  if (self->rules != NULL)
    g_list_store_remove_all (self->rules);
  g_clear_pointer (&self->clauses_by_id, g_hash_table_unref);
  g_clear_pointer (&self->rules_by_id, g_hash_table_unref);

  G_OBJECT_CLASS (jh_library_parent_class)->dispose (object);
}

static void
jh_library_finalize (GObject *object)
{
  JhLibrary *self = (JhLibrary *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->clauses);
  g_clear_object (&self->rules);
  g_clear_pointer (&self->disabled, g_ptr_array_unref);
  g_clear_pointer (&self->source, xmlFreeDoc);

  G_OBJECT_CLASS (jh_library_parent_class)->finalize (object);
}

static void
jh_library_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JhLibrary *self = JH_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_library_class_init (JhLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = jh_library_dispose;
  object_class->finalize = jh_library_finalize;
  object_class->get_property = jh_library_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_uint ("version", NULL, NULL, 0, G_MAXUINT, 1, flags);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JhLibrary::changed:
   * @self: the library
   *
   * A clause was added, replaced or removed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
jh_library_init (JhLibrary *self)
{
  self->version = 1;
  self->clauses = jh_object_list_new (JH_TYPE_CLAUSE);
  self->rules = g_list_store_new (JH_TYPE_RULE);
  self->clauses_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->rules_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->disabled = g_ptr_array_new_null_terminated (1, g_free, TRUE);
}

/**
 * jh_library_new:
 * @title: the library's title
 *
 * An empty library, to fill with jh_library_add_clause(): for tests and
 * benchmarks, and for libraries built by the program.
 *
 * Returns: (transfer full): a new library
 */
JhLibrary *
jh_library_new (const char *title)
{
  JhLibrary *self = g_object_new (JH_TYPE_LIBRARY, NULL);

  self->title = g_strdup (title ? title : "");
  self->name = g_strdup (self->title);

  return self;
}

/* Clause text may be wrapped over lines in the file; Chinese has no
 * spaces between words, so a line break and the indentation after it
 * are not part of the text.
 */
static char *
dup_clause_text (xmlNode *node)
{
  g_autofree char *raw = _jh_xml_dup_text (node);
  GString *text;

  /* Most clauses are on one line. */
  if (strpbrk (raw, "\r\n") == NULL)
    return g_strstrip (g_steal_pointer (&raw));

  text = g_string_new (NULL);

  for (const char *p = raw; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r')
        {
          while (p[1] == ' ' || p[1] == '\t' || p[1] == '\n' || p[1] == '\r')
            p++;
          continue;
        }
      g_string_append_c (text, *p);
    }

  return g_strstrip (g_string_free (text, FALSE));
}

/* The values of clauses as the schema's facets have them, checked here
 * because libxml2 checks facets slowly (see _jh_xml_read_stream()).
 * test-library holds these to the schema.
 */

/* "id": [A-Za-z0-9][A-Za-z0-9._\-]*, at most 100 characters */
static gboolean
is_valid_id (const char *value)
{
  gsize length = 0;

  if (value == NULL || !g_ascii_isalnum (value[0]))
    return FALSE;

  for (const char *p = value; *p != '\0'; p++, length++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;

  return length <= 100;
}

/* "line": at least one character, none of them a line break */
static gboolean
is_valid_line (const char *value)
{
  return value != NULL && *value != '\0' && strpbrk (value, "\r\n") == NULL;
}

/* "year": an integer from 1949 to 2200, in XML Schema's lexical form
 * (leading zeros and a sign allowed, surrounding spaces collapsed).
 */
static gboolean
is_valid_year (const char *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value));
  gint64 year;

  return g_ascii_string_to_signed (stripped[0] == '+' ? stripped + 1 : stripped, 10,
                                   1949, 2200, &year, NULL);
}

/* A positiveInteger no greater than 4294967295; the schema has checked
 * that it is a positive integer.
 */
static gboolean
is_valid_version (const char *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value));
  const char *digits = stripped[0] == '+' ? stripped + 1 : stripped;
  guint64 version;

  while (digits[0] == '0' && digits[1] != '\0')
    digits++;

  return g_ascii_string_to_unsigned (digits, 10, 1, G_MAXUINT32, &version, NULL);
}

typedef gboolean (*ValueCheck) (const char *value);

static gboolean
check_value (xmlNode     *node,
             const char  *attribute,
             ValueCheck   check,
             const char  *display_name,
             GError     **error)
{
  g_autofree char *value = attribute ? _jh_xml_dup_attribute (node, attribute) : _jh_xml_dup_text (node);

  if ((attribute != NULL && value == NULL) || check (value))
    return TRUE;

  if (attribute != NULL)
    _jh_xml_set_error_at (error, JH_FILE_ERROR_INVALID, display_name, xmlGetLineNo (node),
                          _("Invalid attribute %s for element %s"), attribute, (const char *) node->name);
  else
    _jh_xml_set_error_at (error, JH_FILE_ERROR_INVALID, display_name, xmlGetLineNo (node),
                          _("Element %s: “%s” is not a valid value"), (const char *) node->name, value);

  return FALSE;
}

static gboolean
check_clause_values (xmlNode     *clause,
                     const char  *display_name,
                     GError     **error)
{
  if (!check_value (clause, "id", is_valid_id, display_name, error) ||
      !check_value (clause, "version", is_valid_version, display_name, error) ||
      !check_value (clause, "year", is_valid_year, display_name, error) ||
      !check_value (clause, "superseded-by", is_valid_id, display_name, error))
    return FALSE;

  for (xmlNode *child = clause->children; child != NULL; child = child->next)
    {
      if ((_jh_xml_is_element (child, "title") || _jh_xml_is_element (child, "tag")) &&
          !check_value (child, NULL, is_valid_line, display_name, error))
        return FALSE;

      if (_jh_xml_is_element (child, "source") &&
          (!check_value (child, "document", is_valid_line, display_name, error) ||
           !check_value (child, "organization", is_valid_line, display_name, error) ||
           !check_value (child, "year", is_valid_year, display_name, error) ||
           !check_value (child, "file", is_valid_line, display_name, error)))
        return FALSE;
    }

  return TRUE;
}

static JhClause *
read_clause (xmlNode     *node,
             const char  *display_name,
             GError     **error)
{
  g_autofree char *id = _jh_xml_dup_attribute (node, "id");
  g_autofree char *status = _jh_xml_dup_attribute (node, "status");
  g_autofree char *superseded_by = _jh_xml_dup_attribute (node, "superseded-by");
  g_autoptr(GPtrArray) tags = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(JhClause) clause = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  JhClauseStatus clause_status = JH_CLAUSE_STATUS_CURRENT;
  xmlNode *child;

  child = _jh_xml_first_child (node, "title");
  title = child ? _jh_xml_dup_text (child) : g_strdup ("");
  child = _jh_xml_first_child (node, "text");
  text = child ? dup_clause_text (child) : g_strdup ("");

  clause = jh_clause_new (id, MAX (_jh_xml_get_unsigned_attribute (node, "version"), 1), title, text);

  if (status != NULL && !jh_clause_status_from_nick (status, &clause_status))
    {
      _jh_xml_set_error_at (error, JH_FILE_ERROR_INVALID, display_name, xmlGetLineNo (node),
                            _("clause “%s”: “%s” is not a status"), id, status);
      return NULL;
    }
  jh_clause_set_status (clause, clause_status);
  jh_clause_set_year (clause, _jh_xml_get_unsigned_attribute (node, "year"));
  jh_clause_set_superseded_by (clause, superseded_by);

  if (clause_status == JH_CLAUSE_STATUS_CURRENT && superseded_by != NULL)
    {
      _jh_xml_set_error_at (error, JH_FILE_ERROR_INVALID, display_name, xmlGetLineNo (node),
                            _("clause “%s” is current but says it is superseded by “%s”"),
                            id, superseded_by);
      return NULL;
    }

  for (child = node->children; child != NULL; child = child->next)
    {
      if (_jh_xml_is_element (child, "kind"))
        {
          g_autofree char *nick = _jh_xml_dup_text (child);
          JhSectionKind kind;

          if (!jh_section_kind_from_nick (nick, &kind))
            {
              _jh_xml_set_error_at (error, JH_FILE_ERROR_INVALID, display_name, xmlGetLineNo (child),
                                    _("clause “%s”: “%s” is not a kind of section"), id, nick);
              return NULL;
            }
          jh_clause_add_kind (clause, kind);
        }
      else if (_jh_xml_is_element (child, "tag"))
        g_ptr_array_add (tags, _jh_xml_dup_text (child));
      else if (_jh_xml_is_element (child, "source"))
        {
          g_autofree char *document = _jh_xml_dup_attribute (child, "document");
          g_autofree char *organization = _jh_xml_dup_attribute (child, "organization");
          g_autofree char *file = _jh_xml_dup_attribute (child, "file");
          g_autofree char *kind_nick = _jh_xml_dup_attribute (child, "kind");
          g_autoptr(JhClauseSource) source = NULL;
          JhSectionKind kind;

          source = jh_clause_source_new (file, document, organization, _jh_xml_get_unsigned_attribute (child, "year"));
          if (kind_nick != NULL && jh_section_kind_from_nick (kind_nick, &kind))
            jh_clause_source_set_kind (source, kind);
          jh_clause_add_source (clause, source);
        }
      else if (_jh_xml_is_element (child, "note"))
        {
          g_autofree char *note = dup_clause_text (child);

          if (notes->len > 0)
            g_string_append_c (notes, '\n');
          g_string_append (notes, note);
        }
    }

  jh_clause_set_tags (clause, (const char * const *) tags->pdata);
  if (notes->len > 0)
    jh_clause_set_notes (clause, notes->str);

  return g_steal_pointer (&clause);
}

static gboolean
add_rule (JhLibrary  *self,
          JhRule     *rule,
          GError    **error)
{
  if (g_hash_table_contains (self->rules_by_id, rule->id))
    {
      _jh_xml_set_error_at (error, JH_FILE_ERROR_INVALID, rule->display_name, rule->line,
                            _("There are two rules with the id “%s”"), rule->id);
      return FALSE;
    }

  _jh_rule_set_library (rule, self);
  g_hash_table_insert (self->rules_by_id, rule->id, rule);
  g_list_store_append (self->rules, rule);

  return TRUE;
}

typedef struct
{
  JhLibrary            *library;
  const char           *display_name;
  JhClauseIndexBuilder *builder;
  GPtrArray            *clauses;   /* read, put in the library at the end */
} Reading;

/* Keeps a copy of a rule or <disable> element, to write back. */
static void
keep_source (JhLibrary *self,
             xmlNode   *node)
{
  xmlNode *root;

  if (self->source == NULL)
    {
      self->source = xmlNewDoc ((const xmlChar *) "1.0");
      root = xmlNewNode (NULL, (const xmlChar *) "library");
      xmlSetNs (root, xmlNewNs (root, (const xmlChar *) JH_LIBRARY_NAMESPACE, NULL));
      xmlDocSetRootElement (self->source, root);
    }

  root = xmlDocGetRootElement (self->source);
  xmlAddChild (root, xmlDocCopyNode (node, self->source, 1));
}

static gboolean
read_element (xmlNode  *node,
              gpointer  user_data,
              GError  **error)
{
  Reading *reading = user_data;
  JhLibrary *self = reading->library;
  const char *display_name = reading->display_name;

  /* The root, before its children */
  if (node->parent == NULL || node->parent->type != XML_ELEMENT_NODE)
    {
      self->version = MAX (_jh_xml_get_unsigned_attribute (node, "version"), 1);
      return TRUE;
    }

  if (_jh_xml_is_element (node, "title"))
    {
      g_free (self->title);
      self->title = _jh_xml_dup_text (node);
    }
  else if (_jh_xml_is_element (node, "organization"))
    {
      g_free (self->organization);
      self->organization = _jh_xml_dup_text (node);
    }
  else if (_jh_xml_is_element (node, "description"))
    {
      g_free (self->description);
      self->description = dup_clause_text (node);
    }
  else if (_jh_xml_is_element (node, "clause"))
    {
      g_autoptr(JhClause) clause = NULL;

      if (!check_clause_values (node, display_name, error))
        return FALSE;

      clause = read_clause (node, display_name, error);
      if (clause == NULL)
        return FALSE;

      if (g_hash_table_contains (self->clauses_by_id, jh_clause_get_id (clause)))
        {
          _jh_xml_set_error_at (error, JH_FILE_ERROR_INVALID, display_name, xmlGetLineNo (node),
                                _("There are two clauses with the id “%s”"), jh_clause_get_id (clause));
          return FALSE;
        }

      /* What jh_library_add_clause() does, without a signal and a list
       * change for each of 100,000 clauses of a library nobody sees yet.
       */
      _jh_clause_set_library (clause, self);
      g_hash_table_insert (self->clauses_by_id, (gpointer) jh_clause_get_id (clause), clause);
      if (reading->builder != NULL)
        _jh_clause_index_builder_add (reading->builder, clause, jh_clause_get_text (clause));
      g_ptr_array_add (reading->clauses, g_steal_pointer (&clause));
    }
  else if (_jh_xml_is_element (node, "rule"))
    {
      /* Read once the schema has judged the whole library: see
       * read_rules().
       */
      keep_source (self, node);
    }
  else if (_jh_xml_is_element (node, "disable"))
    {
      g_ptr_array_add (self->disabled, _jh_xml_dup_attribute (node, "rule"));
      keep_source (self, node);
    }

  return TRUE;
}

/* The rules, from the copies kept as the library was read.  Unlike a
 * clause, a rule is only read from XML the schema has accepted: its
 * reader relies on it (one message, one source…).  The copies keep their
 * line numbers, for messages.
 */
static gboolean
read_rules (JhLibrary   *self,
            const char  *display_name,
            GError     **error)
{
  if (self->source == NULL)
    return TRUE;

  for (xmlNode *child = xmlDocGetRootElement (self->source)->children; child != NULL; child = child->next)
    if (_jh_xml_is_element (child, "rule"))
      {
        g_autoptr(JhRule) rule = _jh_rule_read (child, display_name, error);

        if (rule == NULL || !add_rule (self, rule, error))
          return FALSE;
      }

  return TRUE;
}

static JhLibrary *
load_from_stream (GInputStream          *input,
                  const char            *display_name,
                  JhClauseIndexBuilder  *builder,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_autoptr(JhLibrary) self = g_object_new (JH_TYPE_LIBRARY, NULL);
  g_autoptr(GPtrArray) clauses = g_ptr_array_new_with_free_func (g_object_unref);
  Reading reading = { self, display_name, builder, clauses };
  gboolean read;

  read = _jh_xml_read_stream (&library_format, input, display_name, read_element, &reading,
                              cancellable, error);

  /* Also when the library is broken: its clauses may be in @builder,
   * and the library, as it goes, tells them it is gone.
   */
  jh_object_list_splice (self->clauses, 0, 0, clauses->pdata, clauses->len);
  if (!read || !read_rules (self, display_name, error))
    return NULL;

  if (self->title == NULL)
    self->title = g_strdup (display_name);
  self->name = g_strdup (self->title);

  return g_steal_pointer (&self);
}

/**
 * jh_library_load_from_bytes:
 * @bytes: the contents of a .jhlib file
 * @display_name: the file's name, for messages
 * @error: return location for a #GError
 *
 * Reads a library.  Like a plan file, it must be well-formed UTF-8 XML
 * without a DOCTYPE, valid against the library schema; its rules must be
 * complete (each category has what it needs, examples both ways) and
 * their patterns safe to match.  Anything else is refused with a
 * #JH_FILE_ERROR naming the file, the line and, for a rule, its id.
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
JhLibrary *
jh_library_load_from_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr(GInputStream) input = NULL;

  input = g_memory_input_stream_new_from_bytes (bytes);

  return load_from_stream (input, display_name, NULL, NULL, error);
}

/*
 * _jh_library_load_indexing:
 * @builder: (nullable): where to index the clauses as they are read
 *
 * jh_library_load_from_file(), with the clauses indexed in another
 * thread as they are read.  When the library cannot be read, the clauses
 * read before the error are in @builder all the same.
 */
JhLibrary *
_jh_library_load_indexing (GFile                 *file,
                           JhClauseIndexBuilder  *builder,
                           GCancellable          *cancellable,
                           GError               **error)
{
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  JhLibrary *self;

  input = g_file_read (file, cancellable, error);
  if (input == NULL)
    return NULL;

  /* Refused at once when its size says so; the reading counts too. */
  info = g_file_input_stream_query_info (input, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > JH_FILE_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (JH_FILE_MAX_SIZE);

      _jh_xml_set_error_at (error, JH_FILE_ERROR_TOO_LARGE, name, 0,
                            _("The file is larger than the %s a Jihua file may have"), limit);
      return NULL;
    }

  self = load_from_stream (G_INPUT_STREAM (input), name, builder, cancellable, error);
  if (self != NULL)
    self->file = g_object_ref (file);

  return self;
}

/**
 * jh_library_load_from_file:
 * @file: a .jhlib file, local or remote (GIO: smb://, dav://…)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a library file; see jh_library_load_from_bytes().  This blocks:
 * use #JhLibrarySet to load libraries in the background.
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
JhLibrary *
jh_library_load_from_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _jh_library_load_indexing (file, NULL, cancellable, error);
}

/**
 * jh_library_new_builtin:
 *
 * The library built into Jihua: clauses for every kind of section and
 * the rules of every category.
 *
 * Returns: (transfer full): a new copy of the built-in library
 */
JhLibrary *
jh_library_new_builtin (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JhLibrary *self = NULL;

  bytes = g_resource_lookup_data (jh_core_get_resource (), JH_BUILTIN_LIBRARY_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    self = jh_library_load_from_bytes (bytes, "builtin.jhlib", &error);

  /* The built-in library is tested with the program; if it cannot be
   * read, the build is broken.
   */
  if (self == NULL)
    g_error ("The built-in clause library is unusable: %s", error->message);

  self->builtin = TRUE;

  return self;
}

/**
 * jh_library_get_name:
 * @self: a #JhLibrary
 *
 * Returns: what to call the library in messages: its title
 */
const char *
jh_library_get_name (JhLibrary *self)
{
  g_return_val_if_fail (JH_IS_LIBRARY (self), NULL);

  return self->name;
}

const char *
jh_library_get_title (JhLibrary *self)
{
  g_return_val_if_fail (JH_IS_LIBRARY (self), NULL);

  return self->title;
}

/**
 * jh_library_get_organization:
 * @self: a #JhLibrary
 *
 * Returns: (nullable): who keeps the library
 */
const char *
jh_library_get_organization (JhLibrary *self)
{
  g_return_val_if_fail (JH_IS_LIBRARY (self), NULL);

  return self->organization;
}

/**
 * jh_library_get_description:
 * @self: a #JhLibrary
 *
 * Returns: (nullable): what the library is for
 */
const char *
jh_library_get_description (JhLibrary *self)
{
  g_return_val_if_fail (JH_IS_LIBRARY (self), NULL);

  return self->description;
}

guint
jh_library_get_version (JhLibrary *self)
{
  g_return_val_if_fail (JH_IS_LIBRARY (self), 0);

  return self->version;
}

/**
 * jh_library_get_file:
 * @self: a #JhLibrary
 *
 * Returns: (transfer none) (nullable): the file the library was read
 *   from; %NULL for the built-in library and libraries built in memory
 */
GFile *
jh_library_get_file (JhLibrary *self)
{
  g_return_val_if_fail (JH_IS_LIBRARY (self), NULL);

  return self->file;
}

gboolean
jh_library_is_builtin (JhLibrary *self)
{
  g_return_val_if_fail (JH_IS_LIBRARY (self), FALSE);

  return self->builtin;
}

/**
 * jh_library_get_clauses:
 * @self: a #JhLibrary
 *
 * Returns: (transfer none): the clauses, a list of #JhClause in the
 *   order of the file
 */
GListModel *
jh_library_get_clauses (JhLibrary *self)
{
  g_return_val_if_fail (JH_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->clauses);
}

/**
 * jh_library_get_rules:
 * @self: a #JhLibrary
 *
 * Returns: (transfer none): the rules, a list of #JhRule in the order of
 *   the file
 */
GListModel *
jh_library_get_rules (JhLibrary *self)
{
  g_return_val_if_fail (JH_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->rules);
}

/**
 * jh_library_get_disabled_rules:
 * @self: a #JhLibrary
 *
 * Returns: (transfer none): the ids of rules of earlier libraries that
 *   this one switches off
 */
const char * const *
jh_library_get_disabled_rules (JhLibrary *self)
{
  g_return_val_if_fail (JH_IS_LIBRARY (self), NULL);

  return (const char * const *) self->disabled->pdata;
}

/**
 * jh_library_find_clause:
 * @self: a #JhLibrary
 * @id: a clause id
 *
 * Returns: (transfer none) (nullable): the clause with @id
 */
JhClause *
jh_library_find_clause (JhLibrary  *self,
                        const char *id)
{
  g_return_val_if_fail (JH_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->clauses_by_id, id);
}

/**
 * jh_library_find_rule:
 * @self: a #JhLibrary
 * @id: a rule id
 *
 * Returns: (transfer none) (nullable): the rule with @id
 */
JhRule *
jh_library_find_rule (JhLibrary  *self,
                      const char *id)
{
  g_return_val_if_fail (JH_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->rules_by_id, id);
}

/**
 * jh_library_add_clause:
 * @self: a #JhLibrary
 * @clause: a clause of no library yet
 *
 * Adds a clause, replacing one with the same id.
 */
void
jh_library_add_clause (JhLibrary *self,
                       JhClause  *clause)
{
  JhClause *old;
  guint position;

  g_return_if_fail (JH_IS_LIBRARY (self));
  g_return_if_fail (JH_IS_CLAUSE (clause));

  old = g_hash_table_lookup (self->clauses_by_id, jh_clause_get_id (clause));
  if (old != NULL && jh_object_list_find (self->clauses, old, &position))
    {
      if (jh_clause_get_library (old) == self)
        _jh_clause_set_library (old, NULL);
      g_hash_table_remove (self->clauses_by_id, jh_clause_get_id (clause));
      _jh_clause_set_library (clause, self);
      g_hash_table_insert (self->clauses_by_id, (gpointer) jh_clause_get_id (clause), clause);
      jh_object_list_splice (self->clauses, position, 1, (gpointer *) &clause, 1);
    }
  else
    {
      _jh_clause_set_library (clause, self);
      g_hash_table_insert (self->clauses_by_id, (gpointer) jh_clause_get_id (clause), clause);
      jh_object_list_append (self->clauses, clause);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * jh_library_replace_clause:
 * @self: a #JhLibrary
 * @clause: the new wording of a clause of @self (see
 *   jh_clause_new_revision())
 *
 * Puts @clause in the place of the clause with its id.
 *
 * Returns: %FALSE, changing nothing, if @self has no clause with the id
 */
gboolean
jh_library_replace_clause (JhLibrary *self,
                           JhClause  *clause)
{
  g_return_val_if_fail (JH_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (JH_IS_CLAUSE (clause), FALSE);

  if (jh_library_find_clause (self, jh_clause_get_id (clause)) == NULL)
    return FALSE;

  jh_library_add_clause (self, clause);

  return TRUE;
}

/**
 * jh_library_remove_clause:
 * @self: a #JhLibrary
 * @id: a clause id
 *
 * Returns: %TRUE if @self had a clause with @id, now removed
 */
gboolean
jh_library_remove_clause (JhLibrary  *self,
                          const char *id)
{
  JhClause *old;
  guint position;

  g_return_val_if_fail (JH_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  old = g_hash_table_lookup (self->clauses_by_id, id);
  if (old == NULL || !jh_object_list_find (self->clauses, old, &position))
    return FALSE;

  _jh_clause_set_library (old, NULL);
  g_hash_table_remove (self->clauses_by_id, id);
  jh_object_list_remove (self->clauses, position);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * jh_library_new_for_file:
 * @file: where the library is to be saved
 * @title: its title
 *
 * An empty library to fill and save: the user's own library before it
 * has a clause.  Nothing is written until jh_library_save().
 *
 * Returns: (transfer full): a new library
 */
JhLibrary *
jh_library_new_for_file (GFile      *file,
                         const char *title)
{
  JhLibrary *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = jh_library_new (title);
  self->file = g_object_ref (file);

  return self;
}

/**
 * jh_library_dup_user_file:
 *
 * Returns: (transfer full): where the user's own library is kept:
 *   jihua/library.jhlib in the user data folder
 */
GFile *
jh_library_dup_user_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "jihua", "library.jhlib", NULL);

  return g_file_new_for_path (path);
}

static void
set_nonempty_attribute (xmlNode    *node,
                        const char *name,
                        const char *value)
{
  if (value != NULL && *value != '\0')
    xmlNewProp (node, (const xmlChar *) name, (const xmlChar *) value);
}

static void
set_unsigned_attribute (xmlNode    *node,
                        const char *name,
                        guint       value)
{
  char text[16];

  if (value == 0)
    return;

  g_snprintf (text, sizeof text, "%u", value);
  xmlNewProp (node, (const xmlChar *) name, (const xmlChar *) text);
}

static void
write_clause (xmlNode  *parent,
              JhClause *clause)
{
  xmlNode *node = xmlNewChild (parent, NULL, (const xmlChar *) "clause", NULL);
  const JhSectionKind *kinds;
  const char * const *tags;
  const char *notes;
  GPtrArray *sources;
  guint n_kinds;

  xmlNewProp (node, (const xmlChar *) "id", (const xmlChar *) jh_clause_get_id (clause));
  set_unsigned_attribute (node, "version", jh_clause_get_version (clause));
  if (jh_clause_get_status (clause) != JH_CLAUSE_STATUS_CURRENT)
    xmlNewProp (node, (const xmlChar *) "status",
                (const xmlChar *) jh_clause_status_to_nick (jh_clause_get_status (clause)));
  set_unsigned_attribute (node, "year", jh_clause_get_year (clause));
  set_nonempty_attribute (node, "superseded-by", jh_clause_get_superseded_by (clause));

  kinds = jh_clause_get_kinds (clause, &n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    xmlNewTextChild (node, NULL, (const xmlChar *) "kind", (const xmlChar *) jh_section_kind_to_nick (kinds[i]));
  xmlNewTextChild (node, NULL, (const xmlChar *) "title", (const xmlChar *) jh_clause_get_title (clause));
  xmlNewTextChild (node, NULL, (const xmlChar *) "text", (const xmlChar *) jh_clause_get_text (clause));

  tags = jh_clause_get_tags (clause);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    xmlNewTextChild (node, NULL, (const xmlChar *) "tag", (const xmlChar *) tags[i]);

  /* A harvested clause has a source for each document it was found in. */
  sources = _jh_clause_peek_sources (clause);
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const JhClauseSource *found = g_ptr_array_index (sources, i);
      xmlNode *source = xmlNewChild (node, NULL, (const xmlChar *) "source", NULL);

      set_nonempty_attribute (source, "document", found->document);
      set_nonempty_attribute (source, "organization", found->organization);
      set_unsigned_attribute (source, "year", found->year);
      set_nonempty_attribute (source, "file", found->file);
      if (found->has_kind)
        set_nonempty_attribute (source, "kind", jh_section_kind_to_nick (found->kind));
    }

  if (sources == NULL &&
      (jh_clause_get_source_document (clause) != NULL ||
       jh_clause_get_source_organization (clause) != NULL ||
       jh_clause_get_source_year (clause) != 0))
    {
      xmlNode *source = xmlNewChild (node, NULL, (const xmlChar *) "source", NULL);

      set_nonempty_attribute (source, "document", jh_clause_get_source_document (clause));
      set_nonempty_attribute (source, "organization", jh_clause_get_source_organization (clause));
      set_unsigned_attribute (source, "year", jh_clause_get_source_year (clause));
    }

  notes = jh_clause_get_notes (clause);
  if (notes != NULL && *notes != '\0')
    xmlNewTextChild (node, NULL, (const xmlChar *) "note", (const xmlChar *) notes);
}

static xmlDoc *
build_document (JhLibrary *self)
{
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  GListModel *clauses = G_LIST_MODEL (self->clauses);
  xmlNode *root;
  xmlNs *ns;

  root = xmlNewNode (NULL, (const xmlChar *) "library");
  ns = xmlNewNs (root, (const xmlChar *) JH_LIBRARY_NAMESPACE, NULL);
  xmlSetNs (root, ns);
  xmlDocSetRootElement (doc, root);

  xmlNewProp (root, (const xmlChar *) "format-version", (const xmlChar *) JH_LIBRARY_FORMAT_VERSION);
  set_unsigned_attribute (root, "version", self->version);
  xmlNewTextChild (root, NULL, (const xmlChar *) "title",
                   (const xmlChar *) (self->title && *self->title ? self->title : "我的条款"));
  if (self->organization != NULL && *self->organization != '\0')
    xmlNewTextChild (root, NULL, (const xmlChar *) "organization", (const xmlChar *) self->organization);
  if (self->description != NULL && *self->description != '\0')
    xmlNewTextChild (root, NULL, (const xmlChar *) "description", (const xmlChar *) self->description);

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);

      write_clause (root, clause);
    }

  /* Rules are written back as they were read: Jihua does not edit them. */
  if (self->source != NULL)
    {
      xmlNode *source_root = xmlDocGetRootElement (self->source);

      for (xmlNode *child = source_root->children; child != NULL; child = child->next)
        if (_jh_xml_is_element (child, "rule") || _jh_xml_is_element (child, "disable"))
          {
            xmlNode *copy = xmlDocCopyNode (child, doc, 1);

            xmlAddChild (root, copy);
          }
      xmlReconciliateNs (doc, root);
    }

  return doc;
}

/**
 * jh_library_save:
 * @self: a #JhLibrary with a file (see jh_library_new_for_file())
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the library to its file, creating the folder if need be.  The
 * document is validated against the library schema first, and the file
 * is replaced as a whole (written beside it, then renamed), so that a
 * crash never leaves half a library.  Rules and <disable> elements the
 * file had are kept as they were.
 *
 * Returns: whether the library was saved
 */
gboolean
jh_library_save (JhLibrary     *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (JH_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->file == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The library “%s” has no file to be saved to"), self->name);
      return FALSE;
    }

  name = g_file_get_parse_name (self->file);
  doc = build_document (self);
  if (!_jh_xml_validate (&library_format, doc, name, error))
    return FALSE;

  bytes = _jh_xml_dump (doc);

  parent = g_file_get_parent (self->file);
  if (parent != NULL &&
      !g_file_make_directory_with_parents (parent, cancellable, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_prefixed_error (error, local_error, "%s: ", name);
          return FALSE;
        }
      g_clear_error (&local_error);
    }

  if (!g_file_replace_contents (self->file,
                                g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, cancellable, &local_error))
    {
      g_propagate_prefixed_error (error, local_error, "%s: ", name);
      return FALSE;
    }

  return TRUE;
}

/**
 * jh_library_test:
 * @self: a #JhLibrary
 * @failures: (out) (optional) (transfer full) (element-type utf8): what
 *   went wrong, one message for each failure
 *
 * Runs every rule of the library on its own examples, as LanguageTool
 * does: an example that must be flagged and is not, or one that must
 * not and is, fails; so does an example whose flagged text is not the
 * one expected, and a fix naming a clause that neither this library nor
 * the built-in one has.
 *
 * Returns: whether every rule passed
 */
gboolean
jh_library_test (JhLibrary  *self,
                 GPtrArray **failures)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JhLibrary) builtin = NULL;
  GListModel *rules;

  g_return_val_if_fail (JH_IS_LIBRARY (self), FALSE);

  if (!self->builtin)
    builtin = jh_library_new_builtin ();

  rules = G_LIST_MODEL (self->rules);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(JhRule) rule = g_list_model_get_item (rules, i);

      _jh_checker_test_rule (rule, self, messages);

      for (guint j = 0; j < rule->fixes->len; j++)
        {
          JhFixTemplate *fix = g_ptr_array_index (rule->fixes, j);

          if (fix->kind == JH_FIX_TEMPLATE_CLAUSE &&
              jh_library_find_clause (self, fix->text) == NULL &&
              (builtin == NULL || jh_library_find_clause (builtin, fix->text) == NULL))
            g_ptr_array_add (messages,
                             g_strdup_printf (_("%s:%ld: rule “%s”: the fix names the clause “%s”, which there is not"),
                                              rule->display_name, rule->line, rule->id, fix->text));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->clauses)); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (G_LIST_MODEL (self->clauses), i);
      const char *successor = jh_clause_get_superseded_by (clause);

      if (successor != NULL && jh_library_find_clause (self, successor) == NULL &&
          (builtin == NULL || jh_library_find_clause (builtin, successor) == NULL))
        g_ptr_array_add (messages,
                         g_strdup_printf (_("%s: clause “%s” is superseded by “%s”, which there is not"),
                                          self->name, jh_clause_get_id (clause), successor));
    }

  if (failures != NULL)
    *failures = g_ptr_array_ref (messages);

  return messages->len == 0;
}
