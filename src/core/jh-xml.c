/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlsave.h>

#include "jh-core-resources.h"
#include "jh-xml-private.h"

G_DEFINE_QUARK (jh-file-error-quark, jh_file_error)

/**
 * jh_xml_init:
 *
 * Sets up libxml2, which reads and writes Jihua's files, once.  Call it
 * in the main thread before any other thread may read or write a file:
 * libxml2 2.9 sets up its global state the first time it parses, and
 * two threads doing so at once (the libraries loading while a plan is
 * opened) lose part of it.
 */
void
jh_xml_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/* What the libxml2 callbacks learn while a document is read. */
typedef struct
{
  JhFileError  code;
  long         line;
  char        *message;
} ReadError;

static void
read_error_clear (ReadError *read_error)
{
  g_clear_pointer (&read_error->message, g_free);
}

static void
read_error_take (ReadError   *read_error,
                 JhFileError  code,
                 long         line,
                 char        *message)
{
  /* The first error is the one that explains the others. */
  if (read_error->message != NULL)
    {
      g_free (message);
      return;
    }

  read_error->code = code;
  read_error->line = line;
  /* libxml2 quotes the input in some messages ("Comment not terminated")
   * and may cut it inside a character: the message must stay UTF-8.
   */
  read_error->message = g_strchomp (g_utf8_make_valid (message, -1));
  g_free (message);
}

void
_jh_xml_set_error_at (GError      **error,
                      JhFileError   code,
                      const char   *display_name,
                      long          line,
                      const char   *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_set_error (error, JH_FILE_ERROR, code, "%s:%ld: %s", display_name, line, message);
  else
    g_set_error (error, JH_FILE_ERROR, code, "%s: %s", display_name, message);
}

static void
parser_error_cb (void        *user_data,
                 xmlErrorPtr  xml_error)
{
  xmlParserCtxt *ctxt = user_data;

  if (xml_error->level < XML_ERR_ERROR)
    return;

  read_error_take (ctxt->_private, JH_FILE_ERROR_MALFORMED,
                   xml_error->line, g_strdup (xml_error->message));
}

/* Jihua's files never have a DOCTYPE.  Stopping the parser as soon as
 * one starts means no entity is ever declared, expanded or fetched: the
 * external entities and entity bombs of hostile files never get a chance.
 */
static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = user_data;

  read_error_take (ctxt->_private, JH_FILE_ERROR_FORBIDDEN,
                   xmlSAX2GetLineNumber (ctxt),
                   g_strdup (_("The file declares a document type (DOCTYPE), which Jihua’s files never do; it was not read")));
  xmlStopParser (ctxt);
}

static gboolean
is_rng_element (xmlNode    *node,
                const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) node->name, name) == 0;
}

static char *
dup_rng_name (xmlNode *node)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) "name");
  char *name = g_strdup ((const char *) value);

  xmlFree (value);

  return name;
}

static gboolean
has_param (xmlNode *node)
{
  if (is_rng_element (node, "param"))
    return TRUE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (has_param (child))
      return TRUE;

  return FALSE;
}

/* Leaves the value facets (<param>) out of everything under @node, and
 * puts in place of each reference to a definition with facets a copy of
 * that definition without them.
 */
static void
strip_facets (xmlNode    *node,
              GHashTable *defines)
{
  xmlNode *next;

  for (xmlNode *child = node->children; child != NULL; child = next)
    {
      next = child->next;

      if (is_rng_element (child, "param"))
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      else if (is_rng_element (child, "ref"))
        {
          g_autofree char *name = dup_rng_name (child);
          xmlNode *define = g_hash_table_lookup (defines, name);

          if (define != NULL && has_param (define))
            {
              for (xmlNode *part = define->children; part != NULL; part = part->next)
                if (part->type == XML_ELEMENT_NODE)
                  {
                    xmlNode *copy = xmlCopyNode (part, 1);

                    xmlAddPrevSibling (child, copy);
                    strip_facets (copy, defines);
                  }
              xmlUnlinkNode (child);
              xmlFreeNode (child);
            }
        }
      else
        strip_facets (child, defines);
    }
}

/* The schema a stream is read with: the file's own, except that in the
 * definitions @format names the values are left to the reader.  libxml2
 * 2.9 compiles a value's facets (a pattern, a range) anew each time it
 * checks one, which is most of the time a library of 100,000 clauses
 * takes to validate; the library's reader checks those values itself,
 * and a test holds it to the schema's facets.
 */
static xmlDoc *
dup_schema_for_stream (const JhXmlFormat *format,
                       xmlDoc            *schema)
{
  g_autoptr(GHashTable) defines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDoc *copy = xmlCopyDoc (schema, 1);
  xmlNode *grammar = xmlDocGetRootElement (copy);

  for (xmlNode *child = grammar->children; child != NULL; child = child->next)
    if (is_rng_element (child, "define"))
      g_hash_table_insert (defines, dup_rng_name (child), child);

  for (guint i = 0; format->values_checked_by_reader[i] != NULL; i++)
    {
      xmlNode *define = g_hash_table_lookup (defines, format->values_checked_by_reader[i]);

      if (define == NULL)
        g_error ("The schema %s has no definition “%s”", format->schema_resource,
                 format->values_checked_by_reader[i]);
      strip_facets (define, defines);
    }

  return copy;
}

static xmlRelaxNG *
load_schema (const JhXmlFormat *format,
             gboolean           for_stream)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlRelaxNGParserCtxt *parser;
  xmlRelaxNG *schema;
  gsize size;
  const char *data;

  bytes = g_resource_lookup_data (jh_core_get_resource (), format->schema_resource,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The schema %s is missing from the build: %s", format->schema_resource, error->message);

  data = g_bytes_get_data (bytes, &size);
  doc = xmlReadMemory (data, size, format->schema_resource, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  if (doc == NULL)
    g_error ("The schema %s is not well-formed", format->schema_resource);

  if (for_stream)
    {
      xmlDoc *stream_doc = dup_schema_for_stream (format, doc);

      xmlFreeDoc (doc);
      doc = stream_doc;
    }

  parser = xmlRelaxNGNewDocParserCtxt (doc);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);

  if (schema == NULL)
    g_error ("The schema %s does not compile", format->schema_resource);

  return schema;
}

/* Compiled schemas are read-only once built and are shared by every
 * thread that validates.  (The parser context keeps no pointer to the
 * document it was given: the schema owns a copy.)
 */
static xmlRelaxNG *
get_schema (const JhXmlFormat *format,
            gboolean           for_stream)
{
  static GMutex mutex;
  static GHashTable *schemas;
  gboolean stripped = for_stream && format->values_checked_by_reader != NULL;
  g_autofree char *key = g_strconcat (format->schema_resource, stripped ? "#stream" : "", NULL);
  xmlRelaxNG *schema;

  g_mutex_lock (&mutex);

  if (schemas == NULL)
    schemas = g_hash_table_new (g_str_hash, g_str_equal);

  schema = g_hash_table_lookup (schemas, key);
  if (schema == NULL)
    {
      schema = load_schema (format, stripped);
      g_hash_table_insert (schemas, g_steal_pointer (&key), schema);
    }

  g_mutex_unlock (&mutex);

  return schema;
}

/* libxml2 2.9 reports an attribute with a bad value twice: first as
 * "Element X failed to validate attributes", attached to X's first child
 * (or to nothing when X has none), then as "Invalid attribute A for
 * element X" at X itself.  The user wants the line of X, and the message
 * naming the attribute.
 */
static long
get_error_line (xmlErrorPtr xml_error)
{
  xmlNode *node = xml_error->node;
  const char *message = xml_error->message ? xml_error->message : "";
  g_autofree char *element = NULL;
  const char *end;

  if (node == NULL)
    return xml_error->line;

  if (g_str_has_prefix (message, "Element ") &&
      (end = strstr (message, " failed to validate attributes")) != NULL)
    {
      element = g_strndup (message + strlen ("Element "), end - message - strlen ("Element "));

      for (xmlNode *ancestor = node; ancestor != NULL; ancestor = ancestor->parent)
        if (ancestor->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) ancestor->name, element) == 0)
          return xmlGetLineNo (ancestor);
    }

  return xml_error->line > 0 ? xml_error->line : xmlGetLineNo (node);
}

static void
validation_error_cb (void        *user_data,
                     xmlErrorPtr  xml_error)
{
  ReadError *read_error = user_data;
  const char *message = xml_error->message ? xml_error->message : "";
  long line;

  if (xml_error->level < XML_ERR_ERROR)
    return;

  line = get_error_line (xml_error);

  /* A later error that says more replaces the first: one with a line
   * where the first had none, or the one naming the attribute.
   */
  if (read_error->message != NULL &&
      ((read_error->line <= 0 && line > 0) ||
       (strstr (read_error->message, "failed to validate attributes") != NULL &&
        g_str_has_prefix (message, "Invalid attribute"))))
    read_error_clear (read_error);

  read_error_take (read_error, JH_FILE_ERROR_INVALID, line, g_strdup (message));
}

gboolean
_jh_xml_validate (const JhXmlFormat  *format,
                  xmlDoc             *doc,
                  const char         *display_name,
                  GError            **error)
{
  ReadError read_error = { 0 };
  xmlRelaxNGValidCtxt *validator;
  int result;

  validator = xmlRelaxNGNewValidCtxt (get_schema (format, FALSE));
  xmlRelaxNGSetValidStructuredErrors (validator, validation_error_cb, &read_error);
  result = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);

  if (result != 0)
    {
      _jh_xml_set_error_at (error, JH_FILE_ERROR_INVALID, display_name, read_error.line,
                            "%s", read_error.message ? read_error.message : _("The document does not follow its schema"));
      read_error_clear (&read_error);
      return FALSE;
    }

  read_error_clear (&read_error);

  return TRUE;
}

/* Never XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE: entities
 * stay unexpanded and libxml2's limits on depth and size stay on.
 */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

static gboolean
check_size (gsize        size,
            const char  *display_name,
            GError     **error)
{
  if (size > JH_FILE_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (JH_FILE_MAX_SIZE);

      _jh_xml_set_error_at (error, JH_FILE_ERROR_TOO_LARGE, display_name, 0,
                            _("The file is larger than the %s a Jihua file may have"),
                            limit);
      return FALSE;
    }

  if (size == 0)
    {
      _jh_xml_set_error_at (error, JH_FILE_ERROR_MALFORMED, display_name, 0,
                            _("The file is empty"));
      return FALSE;
    }

  return TRUE;
}

/**
 * _jh_xml_parse:
 * @bytes: the file's contents
 * @display_name: the name of the file for messages
 * @keep_blanks: whether to keep whitespace-only text, which matters in
 *   documents of other programs (a space between two runs of text)
 * @error: return location for a #GError
 *
 * Parses @bytes as UTF-8 XML with no network access, no DTD and no
 * entities, and nothing else: the caller judges what the document is.
 * Files of other programs that Jihua reads (the XML inside ODT and DOCX
 * files) go through here, with the same defences as Jihua's own.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
xmlDoc *
_jh_xml_parse (GBytes      *bytes,
               const char  *display_name,
               gboolean     keep_blanks,
               GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  ReadError read_error = { 0 };
  xmlParserCtxt *ctxt;
  const char *data;
  gsize size;
  int options;

  data = g_bytes_get_data (bytes, &size);
  if (!check_size (size, display_name, error))
    return NULL;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory");

  ctxt->_private = &read_error;
  ctxt->sax->serror = parser_error_cb;
  ctxt->sax->internalSubset = internal_subset_cb;

  options = PARSE_OPTIONS;
  if (!keep_blanks)
    options |= XML_PARSE_NOBLANKS;
  doc = xmlCtxtReadMemory (ctxt, data, size, display_name, "UTF-8", options);

  if (read_error.message == NULL && (doc == NULL || !ctxt->wellFormed))
    read_error_take (&read_error, JH_FILE_ERROR_MALFORMED, 0,
                     g_strdup (_("The file is not well-formed XML")));

  xmlFreeParserCtxt (ctxt);

  if (read_error.message != NULL)
    {
      _jh_xml_set_error_at (error, read_error.code, display_name, read_error.line,
                            "%s", read_error.message);
      read_error_clear (&read_error);
      return NULL;
    }

  return g_steal_pointer (&doc);
}

static gboolean
check_root (const JhXmlFormat  *format,
            xmlNode            *root,
            const char         *display_name,
            GError            **error)
{
  if (root != NULL &&
      root->ns != NULL &&
      g_strcmp0 ((const char *) root->name, format->root_name) == 0 &&
      g_strcmp0 ((const char *) root->ns->href, format->namespace_uri) == 0)
    return TRUE;

  _jh_xml_set_error_at (error, JH_FILE_ERROR_WRONG_DOCUMENT, display_name,
                        root ? xmlGetLineNo (root) : 0,
                        _("This is not %s: the document is <%s> in the namespace “%s”, not <%s> in “%s”"),
                        _(format->description),
                        root ? (const char *) root->name : "",
                        (root && root->ns) ? (const char *) root->ns->href : "",
                        format->root_name,
                        format->namespace_uri);
  return FALSE;
}

/**
 * _jh_xml_read:
 * @format: the kind of file expected
 * @bytes: the file's contents
 * @display_name: the name of the file for messages
 * @error: return location for a #GError
 *
 * Parses @bytes as _jh_xml_parse() does, checks that the root is the one
 * @format expects and validates the document against its schema.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
xmlDoc *
_jh_xml_read (const JhXmlFormat  *format,
              GBytes             *bytes,
              const char         *display_name,
              GError            **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;

  doc = _jh_xml_parse (bytes, display_name, FALSE, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (!check_root (format, root, display_name, error))
    return NULL;

  if (!_jh_xml_validate (format, doc, display_name, error))
    return NULL;

  return g_steal_pointer (&doc);
}

/* The prolog of a document read ahead; the error first, as
 * internal_subset_cb() takes the parser's _private for a ReadError.
 */
typedef struct
{
  ReadError read_error;
  gboolean  reached_root;
} PrologCheck;

static void
stop_at_root_cb (void           *user_data,
                 const xmlChar  *localname,
                 const xmlChar  *prefix,
                 const xmlChar  *uri,
                 int             n_namespaces,
                 const xmlChar **namespaces,
                 int             n_attributes,
                 int             n_defaulted,
                 const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = user_data;
  PrologCheck *check = ctxt->_private;

  check->reached_root = TRUE;
  xmlStopParser (ctxt);
}

/* A reader parses ahead of what it reports, entity declarations and
 * all, before it shows a DOCTYPE.  So the beginning of the document is
 * read first on its own, up to the root element, and a DOCTYPE refused
 * as soon as it starts, as _jh_xml_parse() does.  @head is the whole
 * document when @complete, else its beginning.
 */
static gboolean
check_prolog (const char *head,
              gsize       size,
              gboolean    complete,
              ReadError  *read_error)
{
  xmlParserCtxt *ctxt = xmlCreateMemoryParserCtxt (head, size);
  PrologCheck check = { { 0 }, FALSE };

  if (ctxt == NULL)
    g_error ("Out of memory");

  memset (ctxt->sax, 0, sizeof *ctxt->sax);
  ctxt->sax->initialized = XML_SAX2_MAGIC;
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->sax->startElementNs = stop_at_root_cb;
  ctxt->_private = &check;
  xmlCtxtUseOptions (ctxt, PARSE_OPTIONS);
  xmlParseDocument (ctxt);
  g_clear_pointer (&ctxt->myDoc, xmlFreeDoc);
  xmlFreeParserCtxt (ctxt);

  if (check.read_error.message == NULL && !check.reached_root && !complete)
    {
      g_autofree char *limit = g_format_size (size);

      read_error_take (&check.read_error, JH_FILE_ERROR_MALFORMED, 0,
                       g_strdup_printf (_("There is more than %s before the document’s first element"), limit));
    }

  *read_error = check.read_error;

  return read_error->message == NULL;
}

static void
stream_error_cb (void        *user_data,
                 xmlErrorPtr  xml_error)
{
  ReadError *read_error = user_data;

  if (xml_error->level < XML_ERR_ERROR)
    return;

  if (xml_error->domain == XML_FROM_RELAXNGV)
    validation_error_cb (read_error, xml_error);
  else
    read_error_take (read_error, JH_FILE_ERROR_MALFORMED, xml_error->line,
                     g_strdup (xml_error->message));
}

/* What a reader reads from: the beginning, read ahead to look for a
 * DOCTYPE, then the rest of the stream.
 */
typedef struct
{
  GInputStream *input;
  GCancellable *cancellable;
  GByteArray   *head;
  gsize         head_offset;
  gsize         total;
  GError       *error;
} StreamInput;

/* A Jihua file's prolog is a line; anything that needs more before its
 * first element is not one.
 */
#define MAX_PROLOG (64 * 1024)

static gboolean
stream_input_read_head (StreamInput *input)
{
  input->head = g_byte_array_sized_new (MAX_PROLOG);
  g_byte_array_set_size (input->head, MAX_PROLOG);

  while (input->total < MAX_PROLOG)
    {
      gssize n_read = g_input_stream_read (input->input, input->head->data + input->total,
                                           MAX_PROLOG - input->total, input->cancellable, &input->error);

      if (n_read < 0)
        return FALSE;
      if (n_read == 0)
        break;
      input->total += n_read;
    }

  g_byte_array_set_size (input->head, input->total);

  return TRUE;
}

static int
stream_input_read_cb (void *context,
                      char *buffer,
                      int   length)
{
  StreamInput *input = context;
  gssize n_read;

  if (input->error != NULL)
    return -1;

  if (input->head_offset < input->head->len)
    {
      gsize n = MIN ((gsize) length, input->head->len - input->head_offset);

      memcpy (buffer, input->head->data + input->head_offset, n);
      input->head_offset += n;
      return n;
    }

  n_read = g_input_stream_read (input->input, buffer, length, input->cancellable, &input->error);
  if (n_read < 0)
    return -1;

  /* Counted, rather than the size trusted: a file that grows while it
   * is read is stopped at the limit.
   */
  input->total += n_read;
  if (input->total > JH_FILE_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (JH_FILE_MAX_SIZE);

      g_set_error (&input->error, JH_FILE_ERROR, JH_FILE_ERROR_TOO_LARGE,
                   _("The file is larger than the %s a Jihua file may have"), limit);
      return -1;
    }

  return n_read;
}

static int
stream_input_close_cb (void *context)
{
  return 0;
}

/**
 * _jh_xml_read_stream:
 * @format: the kind of file expected
 * @input: the file's contents
 * @display_name: the name of the file for messages
 * @func: called for the root element, whose children are not read yet
 *   (for its attributes), then for each child of the root, whole
 * @user_data: for @func
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a document as _jh_xml_read() does, with the same defences, but
 * one child of the root at a time, each forgotten once @func has seen
 * it, and read from @input as it goes: a library of 100,000 clauses
 * never has all its elements, nor all its bytes, in memory.  The schema
 * is checked as the document is read, so @func sees each element before
 * the schema has judged it: it must cope with anything, and what it
 * built counts only if this returns %TRUE.
 *
 * Returns: whether the whole document was read and is valid
 */
gboolean
_jh_xml_read_stream (const JhXmlFormat   *format,
                     GInputStream        *input,
                     const char          *display_name,
                     JhXmlElementFunc     func,
                     gpointer             user_data,
                     GCancellable        *cancellable,
                     GError             **error)
{
  ReadError read_error = { 0 };
  g_autoptr(GError) func_error = NULL;
  StreamInput stream = { input, cancellable, NULL, 0, 0, NULL };
  xmlTextReader *reader = NULL;
  int status = 0;

  if (!stream_input_read_head (&stream))
    goto out;

  if (stream.total == 0)
    {
      read_error_take (&read_error, JH_FILE_ERROR_MALFORMED, 0, g_strdup (_("The file is empty")));
      goto out;
    }

  if (!check_prolog ((const char *) stream.head->data, stream.head->len,
                     stream.head->len < MAX_PROLOG, &read_error))
    goto out;

  reader = xmlReaderForIO (stream_input_read_cb, stream_input_close_cb, &stream, display_name, "UTF-8",
                           PARSE_OPTIONS | XML_PARSE_NOBLANKS);
  if (reader == NULL)
    g_error ("Out of memory");

  xmlTextReaderSetStructuredErrorHandler (reader, stream_error_cb, &read_error);
  if (xmlTextReaderRelaxNGSetSchema (reader, get_schema (format, TRUE)) != 0)
    g_error ("The schema %s cannot be used to read a stream", format->schema_resource);

  while (read_error.message == NULL && func_error == NULL && stream.error == NULL &&
         (status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);
      xmlNode *node;

      if (type != XML_READER_TYPE_ELEMENT || depth > 1)
        continue;

      if (depth == 0)
        {
          node = xmlTextReaderCurrentNode (reader);
          if (!check_root (format, node, display_name, &func_error))
            break;
        }
      else
        node = xmlTextReaderExpand (reader);

      if (node != NULL && !func (node, user_data, &func_error))
        break;
    }

  if (read_error.message == NULL && func_error == NULL && stream.error == NULL &&
      (status != 0 || xmlTextReaderIsValid (reader) != 1))
    read_error_take (&read_error, status != 0 ? JH_FILE_ERROR_MALFORMED : JH_FILE_ERROR_INVALID, 0,
                     g_strdup (status != 0 ? _("The file is not well-formed XML")
                                           : _("The document does not follow its schema")));

out:
  g_clear_pointer (&reader, xmlFreeTextReader);
  g_clear_pointer (&stream.head, g_byte_array_unref);

  /* What went wrong first: reading the stream, then what the caller
   * found, then what the parser and the schema found.
   */
  if (stream.error != NULL)
    {
      read_error_clear (&read_error);
      if (stream.error->domain == JH_FILE_ERROR)
        _jh_xml_set_error_at (error, stream.error->code, display_name, 0, "%s", stream.error->message);
      else
        g_propagate_error (error, g_steal_pointer (&stream.error));
      g_clear_error (&stream.error);
      return FALSE;
    }

  if (func_error != NULL)
    {
      read_error_clear (&read_error);
      g_propagate_error (error, g_steal_pointer (&func_error));
      return FALSE;
    }

  if (read_error.message != NULL)
    {
      _jh_xml_set_error_at (error, read_error.code, display_name, read_error.line,
                            "%s", read_error.message);
      read_error_clear (&read_error);
      return FALSE;
    }

  return TRUE;
}

/**
 * _jh_xml_dump:
 * @doc: a document
 *
 * Serializes @doc the one way Jihua writes files: UTF-8, indented by two
 * spaces, so that the same document always gives the same bytes.
 *
 * Returns: (transfer full): the bytes
 */
GBytes *
_jh_xml_dump (xmlDoc *doc)
{
  xmlChar *buffer = NULL;
  int size = 0;
  GBytes *bytes;

  xmlDocDumpFormatMemoryEnc (doc, &buffer, &size, "UTF-8", 1);
  if (buffer == NULL)
    g_error ("Out of memory");

  bytes = g_bytes_new (buffer, size);
  xmlFree (buffer);

  return bytes;
}

/**
 * _jh_xml_dup_text:
 * @node: an element
 *
 * Returns: (transfer full): the text content of @node, never %NULL
 */
char *
_jh_xml_dup_text (xmlNode *node)
{
  xmlChar *content;

  if (node->children != NULL && node->children->type == XML_TEXT_NODE && node->children->next == NULL)
    return g_strdup ((const char *) node->children->content);

  content = xmlNodeGetContent (node);
  char *text = g_strdup (content ? (const char *) content : "");

  xmlFree (content);

  return text;
}

/**
 * _jh_xml_dup_attribute:
 * @node: an element
 * @name: an attribute without a namespace
 *
 * Returns: (transfer full) (nullable): the value of the attribute
 */
char *
_jh_xml_dup_attribute (xmlNode    *node,
                       const char *name)
{
  xmlChar *value;
  char *copy;

  /* The usual value, one text node, copied once rather than twice. */
  for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
    if (attribute->ns == NULL && strcmp ((const char *) attribute->name, name) == 0)
      {
        xmlNode *child = attribute->children;

        if (child == NULL)
          return g_strdup ("");
        if (child->type == XML_TEXT_NODE && child->next == NULL)
          return g_strdup ((const char *) child->content);
        break;
      }

  value = xmlGetProp (node, (const xmlChar *) name);
  copy = value ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);

  return copy;
}

/**
 * _jh_xml_get_unsigned_attribute:
 * @node: an element
 * @name: an attribute without a namespace
 *
 * Returns: the value of the attribute as a number, or 0 when it is
 *   missing or not a number
 */
guint
_jh_xml_get_unsigned_attribute (xmlNode    *node,
                                const char *name)
{
  g_autofree char *value = _jh_xml_dup_attribute (node, name);
  guint64 number = 0;

  if (value != NULL)
    g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &number, NULL);

  return number;
}

/**
 * _jh_xml_is_element:
 * @node: a node
 * @name: an element name
 *
 * Returns: whether @node is an element called @name
 */
gboolean
_jh_xml_is_element (xmlNode    *node,
                    const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) node->name, name) == 0;
}

/**
 * _jh_xml_first_child:
 * @node: an element
 * @name: an element name
 *
 * Returns: (transfer none) (nullable): the first child element of @node
 *   called @name
 */
xmlNode *
_jh_xml_first_child (xmlNode    *node,
                     const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) child->name, name) == 0)
      return child;

  return NULL;
}

static JhWriteFilter write_filter;
static gpointer      write_filter_data;

/**
 * _jh_file_set_write_filter:
 * @filter: (nullable): wraps the stream each save writes to, or %NULL
 * @user_data: data for @filter
 *
 * For tests only: lets a test put a stream that fails (a full disk, a
 * broken network share) between a save and its file.
 */
void
_jh_file_set_write_filter (JhWriteFilter filter,
                           gpointer      user_data)
{
  write_filter = filter;
  write_filter_data = user_data;
}

/**
 * _jh_file_replace_bytes:
 * @file: the file to write
 * @bytes: its new contents
 * @make_backup: whether to keep the previous version as "@file~"
 * @flags: how to create the file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @bytes to a temporary file that replaces @file only once all
 * of it is written.  g_file_replace_contents() does not do that when a
 * write fails (a full disk): it closes the stream, and so puts the
 * truncated file in the place of the good one.  Here a failed write
 * abandons the temporary file, and @file stays as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
_jh_file_replace_bytes (GFile             *file,
                        GBytes            *bytes,
                        gboolean           make_backup,
                        GFileCreateFlags   flags,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autoptr(GFileOutputStream) output = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);

  output = g_file_replace (file, NULL, make_backup, flags, cancellable, error);
  if (output == NULL)
    return FALSE;

  if (write_filter != NULL)
    stream = write_filter (G_OUTPUT_STREAM (output), write_filter_data);
  else
    stream = g_object_ref (G_OUTPUT_STREAM (output));

  if (!g_output_stream_write_all (stream, data, size, NULL, cancellable, error) ||
      !g_output_stream_flush (stream, cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closed while cancelled, the stream drops what it wrote instead
       * of moving it over the file.
       */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (output), abandon, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (output), cancellable, error);
}

/**
 * jh_file_load_bytes:
 * @file: a file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a whole file, refusing one larger than %JH_FILE_MAX_SIZE before
 * reading a byte of it.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
GBytes *
jh_file_load_bytes (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *limit = NULL;
  goffset expected_size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  limit = g_format_size (JH_FILE_MAX_SIZE);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL)
    expected_size = g_file_info_get_size (info);

  if (expected_size > JH_FILE_MAX_SIZE)
    {
      _jh_xml_set_error_at (error, JH_FILE_ERROR_TOO_LARGE, name, 0,
                            _("The file is larger than the %s a Jihua file may have"),
                            limit);
      return NULL;
    }

  /* Read in chunks and count, rather than trust the size: a device, a
   * pipe or a file that grows while it is read is stopped at the limit.
   */
  contents = g_byte_array_sized_new (MAX (expected_size, 0));
  for (;;)
    {
      guint8 buffer[64 * 1024];
      gssize n_read;

      n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, cancellable, error);
      if (n_read < 0)
        return NULL;
      if (n_read == 0)
        break;

      if (contents->len + (gsize) n_read > JH_FILE_MAX_SIZE)
        {
          _jh_xml_set_error_at (error, JH_FILE_ERROR_TOO_LARGE, name, 0,
                                _("The file is larger than the %s a Jihua file may have"),
                                limit);
          return NULL;
        }

      g_byte_array_append (contents, buffer, n_read);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}
