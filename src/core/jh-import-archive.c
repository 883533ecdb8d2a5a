/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <string.h>

#include "jh-import-private.h"
#include "jh-numbering.h"
#include "jh-xml-private.h"

/* libgsf does not declare these itself. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

/* Word-processor files: ODT and DOCX are zip archives of XML.  An archive
 * from the web is checked before libgsf opens it, from its central
 * directory alone: how many members, how large each claims to be and how
 * much it claims to expand, and where its path points.  Only then are
 * the few members needed read, each within a size limit, and their XML
 * parsed as Jihua's own files are: no DTD, no entities, no network.
 */

#define ZIP_EOCD_SIGNATURE       0x06054b50
#define ZIP64_LOCATOR_SIGNATURE  0x07064b50
#define ZIP64_EOCD_SIGNATURE     0x06064b50
#define ZIP_CENTRAL_SIGNATURE    0x02014b50
#define ZIP_LOCAL_SIGNATURE      0x04034b50
#define ZIP_EOCD_SIZE            22
#define ZIP_CENTRAL_SIZE         46
#define ZIP_LOCAL_SIZE           30
#define ZIP_MAX_COMMENT          65535

#define ODT_MIME_TYPE "application/vnd.oasis.opendocument.text"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE  "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT   "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE  "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_DRAW   "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_W      "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_MC     "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define NS_RELS   "http://schemas.openxmlformats.org/package/2006/relationships"

static guint32
read_u32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
read_u16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint64
read_u64 (const guint8 *p)
{
  return read_u32 (p) | ((guint64) read_u32 (p + 4) << 32);
}

static void
set_damaged (GError     **error,
             const char  *display_name)
{
  g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_DAMAGED,
               _("%s is damaged or incomplete: it is not a whole zip archive"),
               display_name);
}

/* The modification time of a member, as DOS writes it.  libgsf turns it
 * into a GDateTime without checking it, so an impossible one (month 0,
 * minute 63) is refused here as damage.
 */
static gboolean
is_valid_dos_time (guint32 dostime)
{
  guint year = (dostime >> 25) + 1980;
  guint month = (dostime >> 21) & 0x0F;
  guint day = (dostime >> 16) & 0x1F;
  guint minute = (dostime >> 5) & 0x3F;
  guint second = (dostime & 0x1F) * 2;

  if (dostime == 0)
    return TRUE;

  return month >= 1 && month <= 12 && day >= 1 && g_date_valid_dmy (day, month, year) &&
         minute < 60 && second < 60;
}

/* A member name that leaves the archive when extracted, or that no
 * document has: absolute, with "..", with backslashes or a drive.
 */
static gboolean
is_unsafe_path (const char *name,
                gsize       length)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *copy = NULL;

  if (length == 0 || memchr (name, '\0', length) != NULL || memchr (name, '\\', length) != NULL)
    return TRUE;

  copy = g_strndup (name, length);
  if (copy[0] == '/' || (g_ascii_isalpha (copy[0]) && copy[1] == ':'))
    return TRUE;

  parts = g_strsplit (copy, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return TRUE;

  return FALSE;
}

/**
 * _jh_import_check_zip:
 * @bytes: a zip archive
 * @display_name: its name, for messages
 * @error: return location for a #GError
 *
 * Checks an archive from its central directory before anything of it is
 * extracted.  Reading the directory is bounded by the number of members
 * allowed, so a hostile archive is refused in a fraction of a second.
 *
 * Returns: %TRUE if the archive may be opened
 */
gboolean
_jh_import_check_zip (GBytes      *bytes,
                      const char  *display_name,
                      GError     **error)
{
  const guint8 *data;
  const guint8 *eocd = NULL;
  gsize size;
  guint64 n_entries;
  guint64 directory_size;
  guint64 directory_offset;
  guint64 position;
  guint64 n_seen = 0;

  data = g_bytes_get_data (bytes, &size);

  if (size < ZIP_EOCD_SIZE)
    {
      set_damaged (error, display_name);
      return FALSE;
    }

  /* The end record is within the last 64 KiB, before the comment. */
  for (gsize i = size - ZIP_EOCD_SIZE + 1; i > 0; i--)
    {
      const guint8 *p = data + i - 1;

      if (size - (i - 1) > ZIP_EOCD_SIZE + ZIP_MAX_COMMENT)
        break;
      if (read_u32 (p) == ZIP_EOCD_SIGNATURE)
        {
          eocd = p;
          break;
        }
    }

  if (eocd == NULL)
    {
      set_damaged (error, display_name);
      return FALSE;
    }

  if (read_u16 (eocd + 4) != 0 || read_u16 (eocd + 6) != 0)
    {
      g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSUPPORTED,
                   _("%s is split across several archives, which documents never are"),
                   display_name);
      return FALSE;
    }

  n_entries = read_u16 (eocd + 10);
  directory_size = read_u32 (eocd + 12);
  directory_offset = read_u32 (eocd + 16);

  /* ZIP64 archives keep the true numbers in a record of their own. */
  if (n_entries == 0xFFFF || directory_size == 0xFFFFFFFF || directory_offset == 0xFFFFFFFF)
    {
      const guint8 *locator = eocd - 20;
      guint64 record;

      if (eocd < data + 20 || read_u32 (locator) != ZIP64_LOCATOR_SIGNATURE)
        {
          set_damaged (error, display_name);
          return FALSE;
        }

      record = read_u64 (locator + 8);
      if (record > size - 56 || read_u32 (data + record) != ZIP64_EOCD_SIGNATURE)
        {
          set_damaged (error, display_name);
          return FALSE;
        }

      n_entries = read_u64 (data + record + 32);
      directory_size = read_u64 (data + record + 40);
      directory_offset = read_u64 (data + record + 48);
    }

  if (n_entries > JH_IMPORT_MAX_MEMBERS)
    {
      g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSAFE,
                   _("%s holds %lu files; a document has a few dozen, and more than %d are refused"),
                   display_name, (gulong) n_entries, JH_IMPORT_MAX_MEMBERS);
      return FALSE;
    }

  if (directory_offset > size || directory_size > size - directory_offset)
    {
      set_damaged (error, display_name);
      return FALSE;
    }

  position = directory_offset;
  while (position < directory_offset + directory_size)
    {
      const guint8 *entry = data + position;
      g_autofree char *shown = NULL;
      guint64 compressed, uncompressed, local, data_start;
      guint16 flags, method, name_length, extra_length, comment_length;
      const char *name;

      if (position + ZIP_CENTRAL_SIZE > directory_offset + directory_size ||
          read_u32 (entry) != ZIP_CENTRAL_SIGNATURE)
        {
          set_damaged (error, display_name);
          return FALSE;
        }

      /* The end record may understate the count; what counts is what
       * the directory holds.
       */
      if (++n_seen > JH_IMPORT_MAX_MEMBERS)
        {
          g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSAFE,
                       _("%s holds more than %d files; a document has a few dozen"),
                       display_name, JH_IMPORT_MAX_MEMBERS);
          return FALSE;
        }

      flags = read_u16 (entry + 8);
      method = read_u16 (entry + 10);
      compressed = read_u32 (entry + 20);
      uncompressed = read_u32 (entry + 24);
      name_length = read_u16 (entry + 28);
      extra_length = read_u16 (entry + 30);
      comment_length = read_u16 (entry + 32);
      name = (const char *) entry + ZIP_CENTRAL_SIZE;

      if (position + ZIP_CENTRAL_SIZE + name_length + extra_length + comment_length > directory_offset + directory_size)
        {
          set_damaged (error, display_name);
          return FALSE;
        }

      shown = g_utf8_make_valid (name, name_length);

      local = read_u32 (entry + 42);

      /* ZIP64 sizes and offsets are in an extra field, in this order,
       * each only when the directory's own field is full.
       */
      if (compressed == 0xFFFFFFFF || uncompressed == 0xFFFFFFFF || local == 0xFFFFFFFF)
        {
          const guint8 *extra = entry + ZIP_CENTRAL_SIZE + name_length;
          const guint8 *extra_end = extra + extra_length;

          while (extra + 4 <= extra_end)
            {
              guint16 id = read_u16 (extra);
              guint16 length = read_u16 (extra + 2);
              const guint8 *field = extra + 4;
              const guint8 *field_end = field + length;

              if (field_end > extra_end)
                break;
              if (id == 0x0001)
                {
                  if (uncompressed == 0xFFFFFFFF && field + 8 <= field_end)
                    uncompressed = read_u64 (field), field += 8;
                  if (compressed == 0xFFFFFFFF && field + 8 <= field_end)
                    compressed = read_u64 (field), field += 8;
                  if (local == 0xFFFFFFFF && field + 8 <= field_end)
                    local = read_u64 (field);
                  break;
                }
              extra = field_end;
            }
        }

      /* libgsf trusts the local header to be where the directory says;
       * a member whose header is not there, or whose data runs past the
       * end of the file, is damage, and is reported as such here.
       */
      if (size < ZIP_LOCAL_SIZE || local > size - ZIP_LOCAL_SIZE ||
          read_u32 (data + local) != ZIP_LOCAL_SIGNATURE)
        {
          set_damaged (error, display_name);
          return FALSE;
        }

      data_start = local + ZIP_LOCAL_SIZE + read_u16 (data + local + 26) + read_u16 (data + local + 28);
      if (data_start > size || compressed > size - data_start)
        {
          set_damaged (error, display_name);
          return FALSE;
        }

      if (!is_valid_dos_time (read_u32 (entry + 12)))
        {
          set_damaged (error, display_name);
          return FALSE;
        }

      if (is_unsafe_path (name, name_length))
        {
          g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSAFE,
                       _("%s holds a file named “%s”, a path that leads out of the archive; it was not read"),
                       display_name, shown);
          return FALSE;
        }

      if (flags & 0x0001)
        {
          g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSUPPORTED,
                       _("%s is encrypted; save it without a password and import it again"),
                       display_name);
          return FALSE;
        }

      if (method != 0 && method != 8)
        {
          g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSUPPORTED,
                       _("%s: “%s” is compressed in a way documents never are (method %u)"),
                       display_name, shown, method);
          return FALSE;
        }

      if (uncompressed > (guint64) 1024 * 1024 && uncompressed / MAX (compressed, 1) > JH_IMPORT_MAX_RATIO)
        {
          g_autofree char *claimed = g_format_size (uncompressed);
          g_autofree char *stored = g_format_size (compressed);

          g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSAFE,
                       _("%s: “%s” would expand from %s to %s, as only a zip bomb does; it was not read"),
                       display_name, shown, stored, claimed);
          return FALSE;
        }

      position += ZIP_CENTRAL_SIZE + name_length + extra_length + comment_length;
    }

  /* libgsf reads as many members as the end record says. */
  if (n_seen != n_entries)
    {
      set_damaged (error, display_name);
      return FALSE;
    }

  return TRUE;
}

static void
ensure_gsf (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      gsf_init ();
      g_once_init_leave (&initialized, 1);
    }
}

static GsfInfile *
open_zip (GBytes      *bytes,
          const char  *display_name,
          GError     **error)
{
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GError) local_error = NULL;
  GsfInfile *zip;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  if (!_jh_import_check_zip (bytes, display_name, error))
    return NULL;

  ensure_gsf ();

  /* The bytes outlive the archive: the caller holds them. */
  input = gsf_input_memory_new (data, size, FALSE);
  zip = gsf_infile_zip_new (input, &local_error);
  if (zip == NULL)
    {
      g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_DAMAGED,
                   _("%s is damaged or incomplete: %s"),
                   display_name, local_error ? local_error->message : _("it is not a zip archive"));
      return NULL;
    }

  return zip;
}

/* Reads one member, or returns %NULL without an error when there is no
 * such member.
 */
static GBytes *
read_member (GsfInfile     *zip,
             const char    *path,
             const char    *display_name,
             GCancellable  *cancellable,
             GError       **error)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  g_autoptr(GsfInput) member = NULL;
  g_autoptr(GByteArray) contents = NULL;
  gsf_off_t size;

  member = gsf_infile_child_by_aname (zip, (const char **) names);
  if (member == NULL)
    return NULL;

  size = gsf_input_size (member);
  if (size < 0 || size > JH_IMPORT_MAX_MEMBER_SIZE)
    {
      g_autofree char *limit = g_format_size (JH_IMPORT_MAX_MEMBER_SIZE);

      g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSAFE,
                   _("%s: “%s” is larger than the %s a document may have; it was not read"),
                   display_name, path, limit);
      return NULL;
    }

  contents = g_byte_array_sized_new (size);
  while (contents->len < (gsize) size)
    {
      gsf_off_t chunk = MIN (size - (gsf_off_t) contents->len, 64 * 1024);
      const guint8 *data;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      data = gsf_input_read (member, chunk, NULL);
      if (data == NULL)
        {
          g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_DAMAGED,
                       _("%s is damaged: “%s” cannot be read"), display_name, path);
          return NULL;
        }
      g_byte_array_append (contents, data, chunk);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}

static xmlDoc *
read_xml_member (GsfInfile     *zip,
                 const char    *path,
                 const char    *display_name,
                 gboolean       required,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  bytes = read_member (zip, path, display_name, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (required)
        g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_DAMAGED,
                     _("%s is damaged: “%s” is missing"), display_name, path);
      return NULL;
    }

  name = g_strdup_printf ("%s:%s", display_name, path);

  return _jh_xml_parse (bytes, name, TRUE, error);
}

/**
 * _jh_import_sniff_zip:
 * @bytes: a zip archive
 * @display_name: its name, for messages
 * @error: return location for a #GError
 *
 * Returns: what kind of document the archive is, or -1 with @error set
 */
JhImportFormat
_jh_import_sniff_zip (GBytes      *bytes,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(GsfInfile) zip = open_zip (bytes, display_name, error);
  g_autoptr(GsfInput) member = NULL;
  g_autoptr(GBytes) mime = NULL;

  if (zip == NULL)
    return -1;

  member = gsf_infile_child_by_vname (zip, "word", "document.xml", NULL);
  if (member != NULL)
    return JH_IMPORT_FORMAT_DOCX;

  mime = read_member (zip, "mimetype", display_name, NULL, NULL);
  if (mime != NULL && g_bytes_get_size (mime) >= strlen (ODT_MIME_TYPE) &&
      memcmp (g_bytes_get_data (mime, NULL), ODT_MIME_TYPE, strlen (ODT_MIME_TYPE)) == 0)
    return JH_IMPORT_FORMAT_ODT;

  {
    g_autoptr(GsfInput) content = gsf_infile_child_by_name (zip, "content.xml");

    if (mime == NULL && content != NULL)
      return JH_IMPORT_FORMAT_ODT;
  }

  g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSUPPORTED,
               _("%s is a zip archive but neither an ODT nor a DOCX document"),
               display_name);

  return -1;
}

/* XML helpers. */

static gboolean
is_element (xmlNode    *node,
            const char *ns,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, ns) == 0 &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

static char *
get_attribute (xmlNode    *node,
               const char *ns,
               const char *name)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) ns);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);

  return copy;
}

static guint
get_uint_attribute (xmlNode    *node,
                    const char *ns,
                    const char *name,
                    guint       fallback)
{
  g_autofree char *text = get_attribute (node, ns, name);
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, 100000, &value, NULL))
    return fallback;

  return value;
}

static xmlNode *
first_child_element (xmlNode    *node,
                     const char *ns,
                     const char *name)
{
  for (xmlNode *child = node ? node->children : NULL; child != NULL; child = child->next)
    if (is_element (child, ns, name))
      return child;

  return NULL;
}

/* Numbering: the text of a list label from a format and a number. */

static char *
format_roman (guint    number,
              gboolean upper)
{
  static const struct { guint value; const char *text; } numerals[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (numerals) && number > 0 && number < 4000; i++)
    while (number >= numerals[i].value)
      {
        g_string_append (text, numerals[i].text);
        number -= numerals[i].value;
      }

  if (upper)
    {
      char *up = g_ascii_strup (text->str, -1);

      g_string_free (text, TRUE);
      return up;
    }

  return g_string_free (text, FALSE);
}

static char *
format_letters (guint    number,
                gboolean upper)
{
  GString *text = g_string_new (NULL);

  while (number > 0)
    {
      number--;
      g_string_prepend_c (text, (upper ? 'A' : 'a') + number % 26);
      number /= 26;
    }

  return g_string_free (text, FALSE);
}

/* Formats @number in one of the numbering styles of ODF (style:num-format:
 * "1", "a", "一, 二, 三, ..."…) or OOXML (w:numFmt: "decimal",
 * "chineseCounting"…).  Returns %NULL for bullets and "none".
 */
static char *
format_number (const char *format,
               guint       number)
{
  static const char * const legal[] = {
    "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖", "拾",
  };
  static const char * const heavenly[] = {
    "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸",
  };

  if (format == NULL || *format == '\0' || g_str_equal (format, "none") || g_str_equal (format, "bullet"))
    return NULL;

  if (g_str_equal (format, "1") || g_str_equal (format, "decimal") || g_str_equal (format, "decimalZero"))
    return g_strdup_printf ("%u", number);

  if (g_str_equal (format, "a") || g_str_equal (format, "lowerLetter"))
    return format_letters (number, FALSE);
  if (g_str_equal (format, "A") || g_str_equal (format, "upperLetter"))
    return format_letters (number, TRUE);
  if (g_str_equal (format, "i") || g_str_equal (format, "lowerRoman"))
    return format_roman (number, FALSE);
  if (g_str_equal (format, "I") || g_str_equal (format, "upperRoman"))
    return format_roman (number, TRUE);

  if (g_str_has_prefix (format, "①") || g_str_has_prefix (format, "decimalEnclosedCircle"))
    return number >= 1 && number <= 20 ? g_utf8_substring ("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳", number - 1, number)
                                      : g_strdup_printf ("%u", number);

  if (g_str_has_prefix (format, "１") || g_str_equal (format, "decimalFullWidth") || g_str_equal (format, "decimalFullWidth2"))
    {
      g_autofree char *ascii = g_strdup_printf ("%u", number);
      GString *text = g_string_new (NULL);

      for (const char *p = ascii; *p != '\0'; p++)
        g_string_append_unichar (text, 0xFF10 + (*p - '0'));
      return g_string_free (text, FALSE);
    }

  if (g_str_has_prefix (format, "壹") || g_str_has_prefix (format, "chineseLegal"))
    return number <= 10 ? g_strdup (legal[number]) : jh_chinese_numeral (number);

  if (g_str_has_prefix (format, "甲") || g_str_equal (format, "ideographTraditional"))
    return number >= 1 && number <= 10 ? g_strdup (heavenly[number - 1]) : jh_chinese_numeral (number);

  /* 一, 二, 三 … in all their spellings */
  if (g_str_has_prefix (format, "一") || g_str_has_prefix (format, "chineseCounting") ||
      g_str_has_prefix (format, "ideograph") || g_str_equal (format, "taiwaneseCounting") ||
      g_str_equal (format, "taiwaneseCountingThousand") || g_str_equal (format, "japaneseCounting"))
    return jh_chinese_numeral (number);

  return g_strdup_printf ("%u", number);
}

/* Reading into lines. */

typedef struct
{
  GPtrArray  *lines;
  GString    *text;
  GPtrArray  *pending;     /* paragraphs of text boxes met inside a paragraph */
  guint       number;      /* paragraphs so far */
  gboolean    in_table;
} LineWriter;

static void
line_writer_init (LineWriter *writer)
{
  writer->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) _jh_import_line_free);
  writer->text = g_string_new (NULL);
  writer->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) _jh_import_line_free);
}

static void
line_writer_clear (LineWriter *writer)
{
  g_clear_pointer (&writer->lines, g_ptr_array_unref);
  g_string_free (writer->text, TRUE);
  g_clear_pointer (&writer->pending, g_ptr_array_unref);
}

/* Ends a paragraph: a line break inside it makes separate lines, which
 * share the paragraph's number.
 */
static void
line_writer_emit (LineWriter *writer,
                  const char *label,
                  guint       outline_level,
                  gboolean    is_title)
{
  g_auto(GStrv) parts = NULL;

  writer->number++;

  if (label != NULL && writer->text->len > 0)
    g_string_prepend (writer->text, label);

  parts = g_strsplit (writer->text->str, "\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      JhImportLine *line = _jh_import_line_new (parts[i], writer->number);

      line->outline_level = outline_level;
      line->is_title = is_title;
      line->in_table = writer->in_table;
      g_ptr_array_add (writer->lines, line);
    }

  g_string_truncate (writer->text, 0);

  for (guint i = 0; i < writer->pending->len; i++)
    {
      JhImportLine *line = g_ptr_array_index (writer->pending, i);

      line->first_line = line->last_line = ++writer->number;
    }
  g_ptr_array_extend_and_steal (writer->lines, g_steal_pointer (&writer->pending));
  writer->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) _jh_import_line_free);
}

/* ODT. */

typedef struct
{
  char  *parent;
  char  *list_style;
  guint  outline_level;
  gboolean is_title;
} OdtStyle;

typedef struct
{
  char  *format[11];
  char  *prefix[11];
  char  *suffix[11];
  guint  start[11];
  guint  display_levels[11];
} OdtListStyle;

typedef struct
{
  const char   *display_name;
  GCancellable *cancellable;
  LineWriter    writer;
  GHashTable   *styles;        /* name → OdtStyle */
  GHashTable   *list_styles;   /* name → OdtListStyle */
  GHashTable   *counters;      /* list style name → guint[11] */
  OdtListStyle *outline;
  guint         outline_counters[11];
  const char   *list_style;    /* of the list being read */
  guint         list_level;
  gboolean      item_started;  /* the current list item has had its label */
  char         *item_label;
} OdtReader;

static void
odt_style_free (OdtStyle *style)
{
  g_free (style->parent);
  g_free (style->list_style);
  g_free (style);
}

static void
odt_list_style_free (OdtListStyle *style)
{
  for (guint i = 0; i < 11; i++)
    {
      g_free (style->format[i]);
      g_free (style->prefix[i]);
      g_free (style->suffix[i]);
    }
  g_free (style);
}

static OdtListStyle *
read_odt_list_style (xmlNode *node,
                     const char *level_name)
{
  OdtListStyle *style = g_new0 (OdtListStyle, 1);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      guint level;

      if (!is_element (child, NS_TEXT, level_name) && !is_element (child, NS_TEXT, "list-level-style-bullet"))
        continue;

      level = get_uint_attribute (child, NS_TEXT, "level", 0);
      if (level < 1 || level > 10)
        continue;

      if (is_element (child, NS_TEXT, level_name))
        {
          style->format[level] = get_attribute (child, NS_STYLE, "num-format");
          style->prefix[level] = get_attribute (child, NS_STYLE, "num-prefix");
          style->suffix[level] = get_attribute (child, NS_STYLE, "num-suffix");
          style->start[level] = get_uint_attribute (child, NS_TEXT, "start-value", 1);
          style->display_levels[level] = get_uint_attribute (child, NS_TEXT, "display-levels", 1);
        }
    }

  return style;
}

static void
read_odt_styles (OdtReader *reader,
                 xmlNode   *container)
{
  for (xmlNode *node = container ? container->children : NULL; node != NULL; node = node->next)
    {
      if (is_element (node, NS_STYLE, "style"))
        {
          g_autofree char *name = get_attribute (node, NS_STYLE, "name");
          g_autofree char *display = get_attribute (node, NS_STYLE, "display-name");
          OdtStyle *style;

          if (name == NULL)
            continue;

          style = g_new0 (OdtStyle, 1);
          style->parent = get_attribute (node, NS_STYLE, "parent-style-name");
          style->list_style = get_attribute (node, NS_STYLE, "list-style-name");
          style->outline_level = get_uint_attribute (node, NS_STYLE, "default-outline-level", 0);
          style->is_title = g_str_equal (name, "Title") || g_strcmp0 (display, "Title") == 0 ||
                            g_strcmp0 (display, "标题") == 0;
          g_hash_table_replace (reader->styles, g_steal_pointer (&name), style);
        }
      else if (is_element (node, NS_TEXT, "list-style"))
        {
          g_autofree char *name = get_attribute (node, NS_STYLE, "name");

          if (name != NULL)
            g_hash_table_replace (reader->list_styles, g_steal_pointer (&name),
                                  read_odt_list_style (node, "list-level-style-number"));
        }
      else if (is_element (node, NS_TEXT, "outline-style"))
        {
          g_clear_pointer (&reader->outline, odt_list_style_free);
          reader->outline = read_odt_list_style (node, "outline-level-style");
        }
    }
}

/* Follows a style's parents for what it does not say itself. */
static void
resolve_odt_style (OdtReader   *reader,
                   const char  *name,
                   guint       *outline_level,
                   gboolean    *is_title,
                   const char **list_style)
{
  *outline_level = 0;
  *is_title = FALSE;
  *list_style = NULL;

  for (guint depth = 0; name != NULL && depth < 16; depth++)
    {
      OdtStyle *style = g_hash_table_lookup (reader->styles, name);

      if (style == NULL)
        break;
      if (*outline_level == 0)
        *outline_level = style->outline_level;
      if (*list_style == NULL)
        *list_style = style->list_style;
      *is_title |= style->is_title;
      name = style->parent;
    }

  *outline_level = MIN (*outline_level, 9);
}

static char *
odt_label (OdtListStyle *style,
           guint        *counters,
           guint         level)
{
  g_autofree char *number = NULL;
  GString *label;
  guint shown;

  if (style == NULL || level < 1 || level > 10 || style->format[level] == NULL)
    return NULL;

  number = format_number (style->format[level], counters[level]);
  if (number == NULL)
    return NULL;

  label = g_string_new (style->prefix[level]);
  shown = MAX (style->display_levels[level], 1);
  for (guint l = level - MIN (shown, level) + 1; l < level; l++)
    {
      g_autofree char *upper = format_number (style->format[l] ? style->format[l] : "1", counters[l]);

      g_string_append_printf (label, "%s.", upper ? upper : "");
    }
  g_string_append (label, number);
  g_string_append (label, style->suffix[level] ? style->suffix[level] : "");

  return g_string_free (label, FALSE);
}

static void
count_level (guint *counters,
             guint  level,
             guint  start)
{
  counters[level] = counters[level] == 0 ? start : counters[level] + 1;
  for (guint l = level + 1; l < 11; l++)
    counters[l] = 0;
}

static void read_odt_inline (OdtReader *reader,
                             xmlNode   *node);
static void read_odt_block  (OdtReader *reader,
                             xmlNode   *node);

static void
read_odt_inline (OdtReader *reader,
                 xmlNode   *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE)
        {
          /* ODF collapses white space in text, as HTML does. */
          for (const char *p = (const char *) child->content; *p != '\0'; p++)
            {
              if (*p == '\n' || *p == '\r' || *p == '\t' || *p == ' ')
                {
                  if (reader->writer.text->len > 0 && reader->writer.text->str[reader->writer.text->len - 1] != ' ')
                    g_string_append_c (reader->writer.text, ' ');
                }
              else
                {
                  g_string_append_c (reader->writer.text, *p);
                }
            }
          continue;
        }

      if (child->type != XML_ELEMENT_NODE || child->ns == NULL)
        continue;

      if (is_element (child, NS_TEXT, "s"))
        {
          guint count = get_uint_attribute (child, NS_TEXT, "c", 1);

          for (guint i = 0; i < MIN (count, 100); i++)
            g_string_append_c (reader->writer.text, ' ');
        }
      else if (is_element (child, NS_TEXT, "tab"))
        g_string_append_c (reader->writer.text, ' ');
      else if (is_element (child, NS_TEXT, "line-break"))
        g_string_append_c (reader->writer.text, '\n');
      else if (is_element (child, NS_TEXT, "note") || is_element (child, NS_OFFICE, "annotation") ||
               is_element (child, NS_TEXT, "ruby-text") || is_element (child, NS_TEXT, "bookmark-ref") ||
               is_element (child, NS_OFFICE, "annotation-end"))
        continue;
      else if (is_element (child, NS_DRAW, "frame"))
        {
          /* A text box in a paragraph: its paragraphs come after it. */
          LineWriter saved = reader->writer;
          g_autoptr(GPtrArray) boxed = NULL;

          line_writer_init (&reader->writer);
          for (xmlNode *box = child->children; box != NULL; box = box->next)
            if (is_element (box, NS_DRAW, "text-box"))
              read_odt_block (reader, box);
          boxed = g_steal_pointer (&reader->writer.lines);
          line_writer_clear (&reader->writer);
          reader->writer = saved;
          g_ptr_array_extend_and_steal (reader->writer.pending, g_steal_pointer (&boxed));
        }
      else if (g_str_equal ((const char *) child->ns->href, NS_TEXT) ||
               g_str_equal ((const char *) child->ns->href, NS_OFFICE))
        read_odt_inline (reader, child);
    }
}

static void
read_odt_paragraph (OdtReader *reader,
                    xmlNode   *node,
                    gboolean   is_heading)
{
  g_autofree char *style_name = get_attribute (node, NS_TEXT, "style-name");
  g_autofree char *label = NULL;
  const char *list_style;
  gboolean is_title;
  guint outline_level;

  resolve_odt_style (reader, style_name, &outline_level, &is_title, &list_style);

  if (is_heading)
    {
      g_autofree char *header = get_attribute (node, NS_TEXT, "is-list-header");

      outline_level = MIN (get_uint_attribute (node, NS_TEXT, "outline-level", 1), 9);
      if (outline_level >= 1 && outline_level <= 10 && g_strcmp0 (header, "true") != 0 && reader->outline != NULL &&
          reader->list_style == NULL)
        {
          count_level (reader->outline_counters, outline_level, MAX (reader->outline->start[outline_level], 1));
          label = odt_label (reader->outline, reader->outline_counters, outline_level);
        }
    }

  /* The first paragraph of a list item carries its label. */
  if (reader->list_style != NULL && !reader->item_started)
    {
      label = g_strdup (reader->item_label);
      reader->item_started = TRUE;
    }

  read_odt_inline (reader, node);
  line_writer_emit (&reader->writer, label, outline_level, is_title);
}

static void
read_odt_list (OdtReader *reader,
               xmlNode   *node)
{
  g_autofree char *style_name = get_attribute (node, NS_TEXT, "style-name");
  g_autofree char *continue_numbering = get_attribute (node, NS_TEXT, "continue-numbering");
  g_autofree char *continue_list = get_attribute (node, NS_TEXT, "continue-list");
  const char *saved_style = reader->list_style;
  char *saved_label = reader->item_label;
  gboolean saved_started = reader->item_started;
  const char *list_style;
  guint *counters;

  list_style = style_name ? style_name : saved_style;
  if (list_style == NULL)
    list_style = "";

  /* Keep the name alive for as long as the list is read. */
  if (!g_hash_table_contains (reader->counters, list_style))
    g_hash_table_insert (reader->counters, g_strdup (list_style), g_new0 (guint, 11));
  g_hash_table_lookup_extended (reader->counters, list_style, (gpointer *) &list_style, (gpointer *) &counters);

  reader->list_level++;
  if (reader->list_level == 1 && g_strcmp0 (continue_numbering, "true") != 0 && continue_list == NULL)
    memset (counters, 0, 11 * sizeof (guint));

  reader->list_style = list_style;

  for (xmlNode *item = node->children; item != NULL; item = item->next)
    {
      gboolean header = is_element (item, NS_TEXT, "list-header");
      guint level = MIN (reader->list_level, 10);

      if (!is_element (item, NS_TEXT, "list-item") && !header)
        continue;

      reader->item_label = NULL;
      if (!header)
        {
          OdtListStyle *style = g_hash_table_lookup (reader->list_styles, list_style);
          guint start = get_uint_attribute (item, NS_TEXT, "start-value", 0);

          if (start > 0)
            counters[level] = start - 1;
          count_level (counters, level, style && style->start[level] ? style->start[level] : 1);
          reader->item_label = odt_label (style, counters, level);
        }
      reader->item_started = FALSE;

      read_odt_block (reader, item);
      g_clear_pointer (&reader->item_label, g_free);
    }

  reader->list_level--;
  reader->list_style = saved_style;
  reader->item_label = saved_label;
  reader->item_started = saved_started;
}

static void
read_odt_table (OdtReader *reader,
                xmlNode   *node);

static void
read_odt_block (OdtReader *reader,
                xmlNode   *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (g_cancellable_is_cancelled (reader->cancellable))
        return;

      if (is_element (child, NS_TEXT, "p"))
        read_odt_paragraph (reader, child, FALSE);
      else if (is_element (child, NS_TEXT, "h"))
        read_odt_paragraph (reader, child, TRUE);
      else if (is_element (child, NS_TEXT, "list"))
        read_odt_list (reader, child);
      else if (is_element (child, NS_TABLE, "table"))
        read_odt_table (reader, child);
      else if (is_element (child, NS_TEXT, "section") || is_element (child, NS_TEXT, "list-item") ||
               is_element (child, NS_TEXT, "list-header") || is_element (child, NS_DRAW, "text-box") ||
               is_element (child, NS_TABLE, "table-row-group") || is_element (child, NS_TABLE, "table-header-rows") ||
               is_element (child, NS_TABLE, "table-rows"))
        read_odt_block (reader, child);
      else if (is_element (child, NS_DRAW, "frame"))
        read_odt_block (reader, child);
      /* Tables of contents repeat the headings; change tracking keeps
       * deleted text; forms and sequences are no text.
       */
    }
}

/* A row of a table is one line, its cells separated by " | ". */
static void
read_odt_row (OdtReader *reader,
              xmlNode   *row)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  LineWriter saved = reader->writer;
  g_autofree char *joined = NULL;

  for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      if (!is_element (cell, NS_TABLE, "table-cell"))
        continue;

      line_writer_init (&reader->writer);
      read_odt_block (reader, cell);
      for (guint i = 0; i < reader->writer.lines->len; i++)
        {
          JhImportLine *line = g_ptr_array_index (reader->writer.lines, i);

          if (*line->text == '\0')
            continue;
          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, line->text);
        }
      line_writer_clear (&reader->writer);
      g_ptr_array_add (cells, g_string_free (g_steal_pointer (&text), FALSE));
    }

  reader->writer = saved;
  g_ptr_array_add (cells, NULL);
  joined = g_strjoinv (" | ", (char **) cells->pdata);
  g_string_assign (reader->writer.text, joined);
  reader->writer.in_table = TRUE;
  line_writer_emit (&reader->writer, NULL, 0, FALSE);
  reader->writer.in_table = FALSE;
}

static void
read_odt_table (OdtReader *reader,
                xmlNode   *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, NS_TABLE, "table-row"))
        read_odt_row (reader, child);
      else if (is_element (child, NS_TABLE, "table-header-rows") || is_element (child, NS_TABLE, "table-rows") ||
               is_element (child, NS_TABLE, "table-row-group"))
        read_odt_table (reader, child);
    }
}

/**
 * _jh_import_read_odt:
 * @bytes: an ODT file
 * @display_name: its name, for messages
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the paragraphs of an OpenDocument text, with the outline levels
 * of its headings and the labels of its numbered lists and headings.
 *
 * Returns: (transfer full) (element-type JhImportLine): the paragraphs,
 *   or %NULL with @error set
 */
GPtrArray *
_jh_import_read_odt (GBytes        *bytes,
                     const char    *display_name,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GsfInfile) zip = NULL;
  g_autoptr(xmlDoc) content = NULL;
  g_autoptr(xmlDoc) styles = NULL;
  OdtReader reader = { 0 };
  xmlNode *root;
  xmlNode *body;
  xmlNode *text;
  GPtrArray *lines;

  zip = open_zip (bytes, display_name, error);
  if (zip == NULL)
    return NULL;

  content = read_xml_member (zip, "content.xml", display_name, TRUE, cancellable, error);
  if (content == NULL)
    return NULL;

  styles = read_xml_member (zip, "styles.xml", display_name, FALSE, cancellable, error);
  if (styles == NULL && error != NULL && *error != NULL)
    return NULL;

  root = xmlDocGetRootElement (content);
  body = first_child_element (root, NS_OFFICE, "body");
  text = first_child_element (body, NS_OFFICE, "text");
  if (root == NULL || !is_element (root, NS_OFFICE, "document-content") || text == NULL)
    {
      g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSUPPORTED,
                   _("%s is an OpenDocument file but not a text document"), display_name);
      return NULL;
    }

  reader.display_name = display_name;
  reader.cancellable = cancellable;
  reader.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) odt_style_free);
  reader.list_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) odt_list_style_free);
  reader.counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  line_writer_init (&reader.writer);

  if (styles != NULL)
    {
      xmlNode *styles_root = xmlDocGetRootElement (styles);

      read_odt_styles (&reader, first_child_element (styles_root, NS_OFFICE, "styles"));
      read_odt_styles (&reader, first_child_element (styles_root, NS_OFFICE, "automatic-styles"));
    }
  read_odt_styles (&reader, first_child_element (root, NS_OFFICE, "automatic-styles"));

  read_odt_block (&reader, text);

  lines = g_steal_pointer (&reader.writer.lines);
  line_writer_clear (&reader.writer);
  g_hash_table_unref (reader.styles);
  g_hash_table_unref (reader.list_styles);
  g_hash_table_unref (reader.counters);
  g_clear_pointer (&reader.outline, odt_list_style_free);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_ptr_array_unref (lines);
      return NULL;
    }

  return lines;
}

/* DOCX. */

typedef struct
{
  char  *format[9];
  char  *text[9];
  guint  start[9];
} DocxLevels;

typedef struct
{
  char       *based_on;
  guint       outline_level;   /* 1–9, 0 for none */
  gboolean    is_title;
  char       *num_id;
  guint       num_level;
  gboolean    has_numbering;
} DocxStyle;

typedef struct
{
  const char   *display_name;
  GCancellable *cancellable;
  LineWriter    writer;
  GHashTable   *styles;      /* id → DocxStyle */
  GHashTable   *abstracts;   /* abstractNumId → DocxLevels */
  GHashTable   *nums;        /* numId → abstractNumId */
  GHashTable   *overrides;   /* "numId/ilvl" → start */
  GHashTable   *counters;    /* numId → guint[9] */
  char         *default_style;
} DocxReader;

static void
docx_levels_free (DocxLevels *levels)
{
  for (guint i = 0; i < 9; i++)
    {
      g_free (levels->format[i]);
      g_free (levels->text[i]);
    }
  g_free (levels);
}

static void
docx_style_free (DocxStyle *style)
{
  g_free (style->based_on);
  g_free (style->num_id);
  g_free (style);
}

static char *
w_val (xmlNode    *node,
       const char *name)
{
  xmlNode *child = first_child_element (node, NS_W, name);

  return child ? get_attribute (child, NS_W, "val") : NULL;
}

/* Heading levels from a style's name, for files that do not say them:
 * "heading 1", "标题 1", "Title".
 */
static guint
outline_level_from_name (const char *name,
                         gboolean   *is_title)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  const char *digits = NULL;

  if (g_str_equal (lower, "title") || g_str_equal (lower, "标题"))
    {
      *is_title = TRUE;
      return 0;
    }

  if (g_str_has_prefix (lower, "heading"))
    digits = lower + strlen ("heading");
  else if (g_str_has_prefix (lower, "标题"))
    digits = lower + strlen ("标题");

  if (digits != NULL)
    {
      while (*digits == ' ')
        digits++;
      if (*digits >= '1' && *digits <= '9' && digits[1] == '\0')
        return *digits - '0';
    }

  return 0;
}

static void
read_docx_numbering_pr (xmlNode  *ppr,
                        char    **num_id,
                        guint    *level,
                        gboolean *present)
{
  xmlNode *numpr = first_child_element (ppr, NS_W, "numPr");
  g_autofree char *ilvl = NULL;

  if (numpr == NULL)
    return;

  *present = TRUE;
  g_free (*num_id);
  *num_id = w_val (numpr, "numId");
  ilvl = w_val (numpr, "ilvl");
  *level = ilvl ? MIN (atoi (ilvl), 8) : 0;
}

static void
read_docx_styles (DocxReader *reader,
                  xmlDoc     *doc)
{
  xmlNode *root = doc ? xmlDocGetRootElement (doc) : NULL;

  for (xmlNode *node = root ? root->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *type = NULL;
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      g_autofree char *outline = NULL;
      g_autofree char *is_default = NULL;
      xmlNode *ppr;
      DocxStyle *style;

      if (!is_element (node, NS_W, "style"))
        continue;

      type = get_attribute (node, NS_W, "type");
      id = get_attribute (node, NS_W, "styleId");
      if (g_strcmp0 (type, "paragraph") != 0 || id == NULL)
        continue;

      style = g_new0 (DocxStyle, 1);
      style->based_on = w_val (node, "basedOn");
      name = w_val (node, "name");
      ppr = first_child_element (node, NS_W, "pPr");
      outline = w_val (ppr, "outlineLvl");

      if (outline != NULL && atoi (outline) < 9)
        style->outline_level = atoi (outline) + 1;
      else if (name != NULL)
        style->outline_level = outline_level_from_name (name, &style->is_title);

      read_docx_numbering_pr (ppr, &style->num_id, &style->num_level, &style->has_numbering);

      is_default = get_attribute (node, NS_W, "default");
      if (g_strcmp0 (is_default, "1") == 0 || g_strcmp0 (is_default, "true") == 0)
        {
          g_free (reader->default_style);
          reader->default_style = g_strdup (id);
        }

      g_hash_table_replace (reader->styles, g_steal_pointer (&id), style);
    }
}

static void
read_docx_numbering (DocxReader *reader,
                     xmlDoc     *doc)
{
  xmlNode *root = doc ? xmlDocGetRootElement (doc) : NULL;

  for (xmlNode *node = root ? root->children : NULL; node != NULL; node = node->next)
    {
      if (is_element (node, NS_W, "abstractNum"))
        {
          DocxLevels *levels = g_new0 (DocxLevels, 1);
          char *id = get_attribute (node, NS_W, "abstractNumId");

          for (xmlNode *lvl = node->children; lvl != NULL; lvl = lvl->next)
            {
              g_autofree char *ilvl = NULL;
              g_autofree char *start = NULL;
              guint level;

              if (!is_element (lvl, NS_W, "lvl"))
                continue;

              ilvl = get_attribute (lvl, NS_W, "ilvl");
              level = ilvl ? atoi (ilvl) : 0;
              if (level > 8)
                continue;

              g_free (levels->format[level]);
              g_free (levels->text[level]);
              levels->format[level] = w_val (lvl, "numFmt");
              levels->text[level] = w_val (lvl, "lvlText");
              start = w_val (lvl, "start");
              levels->start[level] = start ? atoi (start) : 1;
            }

          if (id != NULL)
            g_hash_table_replace (reader->abstracts, id, levels);
          else
            docx_levels_free (levels);
        }
      else if (is_element (node, NS_W, "num"))
        {
          g_autofree char *id = get_attribute (node, NS_W, "numId");
          char *abstract = w_val (node, "abstractNumId");

          if (id == NULL || abstract == NULL)
            {
              g_free (abstract);
              continue;
            }

          for (xmlNode *override = node->children; override != NULL; override = override->next)
            {
              g_autofree char *ilvl = NULL;
              g_autofree char *start = NULL;

              if (!is_element (override, NS_W, "lvlOverride"))
                continue;
              ilvl = get_attribute (override, NS_W, "ilvl");
              start = w_val (override, "startOverride");
              if (ilvl != NULL && start != NULL)
                g_hash_table_replace (reader->overrides, g_strdup_printf ("%s/%s", id, ilvl),
                                      GUINT_TO_POINTER (atoi (start)));
            }

          g_hash_table_replace (reader->nums, g_strdup (id), abstract);
        }
    }
}

/* The label of a numbered paragraph, "%1、" made "三、". */
static char *
docx_label (DocxReader *reader,
            const char *num_id,
            guint       level)
{
  const char *abstract;
  DocxLevels *levels;
  guint *counters;
  GString *label;

  if (num_id == NULL || g_str_equal (num_id, "0"))
    return NULL;

  abstract = g_hash_table_lookup (reader->nums, num_id);
  levels = abstract ? g_hash_table_lookup (reader->abstracts, abstract) : NULL;
  if (levels == NULL || levels->text[level] == NULL)
    return NULL;

  counters = g_hash_table_lookup (reader->counters, num_id);
  if (counters == NULL)
    {
      counters = g_new0 (guint, 9);
      g_hash_table_insert (reader->counters, g_strdup (num_id), counters);
    }

  if (counters[level] == 0)
    {
      g_autofree char *key = g_strdup_printf ("%s/%u", num_id, level);
      gpointer start;

      if (g_hash_table_lookup_extended (reader->overrides, key, NULL, &start))
        counters[level] = GPOINTER_TO_UINT (start);
      else
        counters[level] = MAX (levels->start[level], 1);
    }
  else
    {
      counters[level]++;
    }
  for (guint l = level + 1; l < 9; l++)
    counters[l] = 0;

  if (levels->format[level] == NULL || g_str_equal (levels->format[level], "bullet") ||
      g_str_equal (levels->format[level], "none"))
    return NULL;

  label = g_string_new (NULL);
  for (const char *p = levels->text[level]; *p != '\0'; p++)
    {
      if (*p == '%' && p[1] >= '1' && p[1] <= '9')
        {
          guint l = p[1] - '1';
          g_autofree char *number = format_number (levels->format[l] ? levels->format[l] : "decimal",
                                                   MAX (counters[l], 1));

          g_string_append (label, number ? number : "");
          p++;
        }
      else
        {
          g_string_append_c (label, *p);
        }
    }

  return g_string_free (label, FALSE);
}

static void read_docx_block (DocxReader *reader,
                             xmlNode    *node);

static void
read_docx_runs (DocxReader *reader,
                xmlNode    *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || child->ns == NULL)
        continue;

      if (is_element (child, NS_W, "t"))
        {
          xmlChar *content = xmlNodeGetContent (child);

          g_string_append (reader->writer.text, content ? (const char *) content : "");
          xmlFree (content);
        }
      else if (is_element (child, NS_W, "tab") || is_element (child, NS_W, "ptab"))
        g_string_append_c (reader->writer.text, ' ');
      else if (is_element (child, NS_W, "br") || is_element (child, NS_W, "cr"))
        {
          g_autofree char *type = get_attribute (child, NS_W, "type");

          if (type == NULL || g_str_equal (type, "textWrapping"))
            g_string_append_c (reader->writer.text, '\n');
        }
      else if (is_element (child, NS_W, "noBreakHyphen"))
        g_string_append_c (reader->writer.text, '-');
      else if (is_element (child, NS_W, "del") || is_element (child, NS_W, "moveFrom") ||
               is_element (child, NS_W, "instrText") || is_element (child, NS_W, "delText") ||
               is_element (child, NS_W, "rt") || is_element (child, NS_W, "pPr") ||
               is_element (child, NS_W, "rPr") || is_element (child, NS_MC, "Fallback") ||
               is_element (child, NS_W, "footnoteReference") || is_element (child, NS_W, "commentReference"))
        continue;
      else if (is_element (child, NS_W, "txbxContent"))
        {
          /* A text box: its paragraphs come after this one. */
          LineWriter saved = reader->writer;
          g_autoptr(GPtrArray) boxed = NULL;

          line_writer_init (&reader->writer);
          read_docx_block (reader, child);
          boxed = g_steal_pointer (&reader->writer.lines);
          line_writer_clear (&reader->writer);
          reader->writer = saved;
          g_ptr_array_extend_and_steal (reader->writer.pending, g_steal_pointer (&boxed));
        }
      else
        read_docx_runs (reader, child);
    }
}

static void
read_docx_paragraph (DocxReader *reader,
                     xmlNode    *node)
{
  xmlNode *ppr = first_child_element (node, NS_W, "pPr");
  g_autofree char *style_id = w_val (ppr, "pStyle");
  g_autofree char *outline = w_val (ppr, "outlineLvl");
  g_autofree char *num_id = NULL;
  g_autofree char *label = NULL;
  const char *id = style_id ? style_id : reader->default_style;
  gboolean has_numbering = FALSE;
  gboolean is_title = FALSE;
  guint outline_level = 0;
  guint num_level = 0;

  /* Properties of the paragraph first, then of its style and the styles
   * that one is based on.
   */
  read_docx_numbering_pr (ppr, &num_id, &num_level, &has_numbering);
  if (outline != NULL)
    outline_level = atoi (outline) < 9 ? atoi (outline) + 1 : 0;

  for (guint depth = 0; id != NULL && depth < 16; depth++)
    {
      DocxStyle *style = g_hash_table_lookup (reader->styles, id);

      if (style == NULL)
        break;
      if (outline == NULL && outline_level == 0)
        outline_level = style->outline_level;
      is_title |= style->is_title;
      if (!has_numbering && style->has_numbering)
        {
          has_numbering = TRUE;
          num_id = g_strdup (style->num_id);
          num_level = style->num_level;
        }
      id = style->based_on;
    }

  if (has_numbering)
    label = docx_label (reader, num_id, num_level);

  read_docx_runs (reader, node);
  line_writer_emit (&reader->writer, label, MIN (outline_level, 9), is_title);
}

static void
read_docx_row (DocxReader *reader,
               xmlNode    *row)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  LineWriter saved = reader->writer;
  g_autofree char *joined = NULL;

  for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      if (!is_element (cell, NS_W, "tc") && !is_element (cell, NS_W, "sdt"))
        continue;

      line_writer_init (&reader->writer);
      read_docx_block (reader, cell);
      for (guint i = 0; i < reader->writer.lines->len; i++)
        {
          JhImportLine *line = g_ptr_array_index (reader->writer.lines, i);

          if (*line->text == '\0')
            continue;
          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, line->text);
        }
      line_writer_clear (&reader->writer);
      g_ptr_array_add (cells, g_string_free (g_steal_pointer (&text), FALSE));
    }

  reader->writer = saved;
  g_ptr_array_add (cells, NULL);
  joined = g_strjoinv (" | ", (char **) cells->pdata);
  g_string_assign (reader->writer.text, joined);
  reader->writer.in_table = TRUE;
  line_writer_emit (&reader->writer, NULL, 0, FALSE);
  reader->writer.in_table = FALSE;
}

static void
read_docx_block (DocxReader *reader,
                 xmlNode    *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (g_cancellable_is_cancelled (reader->cancellable))
        return;

      if (is_element (child, NS_W, "p"))
        read_docx_paragraph (reader, child);
      else if (is_element (child, NS_W, "tbl"))
        read_docx_block (reader, child);
      else if (is_element (child, NS_W, "tr"))
        read_docx_row (reader, child);
      else if (is_element (child, NS_W, "sdt") || is_element (child, NS_W, "sdtContent") ||
               is_element (child, NS_W, "customXml") || is_element (child, NS_W, "ins") ||
               is_element (child, NS_W, "smartTag") || is_element (child, NS_W, "moveTo") ||
               is_element (child, NS_W, "tc"))
        read_docx_block (reader, child);
    }
}

/* Where the parts of a package are: _rels/.rels names the document,
 * its own relationships name the styles and the numbering.
 */
static char *
find_relationship (GsfInfile     *zip,
                   const char    *rels_path,
                   const char    *base,
                   const char    *type_suffix,
                   const char    *display_name,
                   GCancellable  *cancellable)
{
  g_autoptr(xmlDoc) rels = read_xml_member (zip, rels_path, display_name, FALSE, cancellable, NULL);
  xmlNode *root = rels ? xmlDocGetRootElement (rels) : NULL;

  for (xmlNode *node = root ? root->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *type = NULL;
      g_autofree char *target = NULL;

      if (!is_element (node, NS_RELS, "Relationship"))
        continue;

      type = get_attribute (node, NULL, "Type");
      target = get_attribute (node, NULL, "Target");
      if (type == NULL || target == NULL || !g_str_has_suffix (type, type_suffix))
        continue;

      if (target[0] == '/')
        return g_strdup (target + 1);

      return g_strconcat (base, target, NULL);
    }

  return NULL;
}

/**
 * _jh_import_read_docx:
 * @bytes: a DOCX file
 * @display_name: its name, for messages
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the paragraphs of a Word document, with the outline levels of its
 * headings (from the paragraphs or their styles) and the labels of its
 * numbering (三、 （二） 1.).
 *
 * Returns: (transfer full) (element-type JhImportLine): the paragraphs,
 *   or %NULL with @error set
 */
GPtrArray *
_jh_import_read_docx (GBytes        *bytes,
                      const char    *display_name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GsfInfile) zip = NULL;
  g_autoptr(xmlDoc) document = NULL;
  g_autoptr(xmlDoc) styles = NULL;
  g_autoptr(xmlDoc) numbering = NULL;
  g_autofree char *document_path = NULL;
  g_autofree char *styles_path = NULL;
  g_autofree char *numbering_path = NULL;
  g_autofree char *document_rels = NULL;
  g_autofree char *base = NULL;
  DocxReader reader = { 0 };
  xmlNode *root;
  xmlNode *body;
  GPtrArray *lines;

  zip = open_zip (bytes, display_name, error);
  if (zip == NULL)
    return NULL;

  document_path = find_relationship (zip, "_rels/.rels", "", "/officeDocument", display_name, cancellable);
  if (document_path == NULL || is_unsafe_path (document_path, strlen (document_path)))
    {
      g_free (document_path);
      document_path = g_strdup ("word/document.xml");
    }

  base = g_path_get_dirname (document_path);
  if (g_str_equal (base, "."))
    {
      g_free (base);
      base = g_strdup ("");
    }
  else
    {
      char *with_slash = g_strconcat (base, "/", NULL);

      g_free (base);
      base = with_slash;
    }

  {
    g_autofree char *name = g_path_get_basename (document_path);

    document_rels = g_strdup_printf ("%s_rels/%s.rels", base, name);
  }

  styles_path = find_relationship (zip, document_rels, base, "/styles", display_name, cancellable);
  numbering_path = find_relationship (zip, document_rels, base, "/numbering", display_name, cancellable);
  if (styles_path == NULL || is_unsafe_path (styles_path, strlen (styles_path)))
    {
      g_free (styles_path);
      styles_path = g_strdup ("word/styles.xml");
    }
  if (numbering_path == NULL || is_unsafe_path (numbering_path, strlen (numbering_path)))
    {
      g_free (numbering_path);
      numbering_path = g_strdup ("word/numbering.xml");
    }

  document = read_xml_member (zip, document_path, display_name, TRUE, cancellable, error);
  if (document == NULL)
    return NULL;

  styles = read_xml_member (zip, styles_path, display_name, FALSE, cancellable, error);
  if (styles == NULL && error != NULL && *error != NULL)
    return NULL;

  numbering = read_xml_member (zip, numbering_path, display_name, FALSE, cancellable, error);
  if (numbering == NULL && error != NULL && *error != NULL)
    return NULL;

  root = xmlDocGetRootElement (document);
  body = first_child_element (root, NS_W, "body");
  if (root == NULL || !is_element (root, NS_W, "document") || body == NULL)
    {
      g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSUPPORTED,
                   _("%s is an Office file but not a Word document"), display_name);
      return NULL;
    }

  reader.display_name = display_name;
  reader.cancellable = cancellable;
  reader.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) docx_style_free);
  reader.abstracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) docx_levels_free);
  reader.nums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  line_writer_init (&reader.writer);

  read_docx_styles (&reader, styles);
  read_docx_numbering (&reader, numbering);
  read_docx_block (&reader, body);

  lines = g_steal_pointer (&reader.writer.lines);
  line_writer_clear (&reader.writer);
  g_hash_table_unref (reader.styles);
  g_hash_table_unref (reader.abstracts);
  g_hash_table_unref (reader.nums);
  g_hash_table_unref (reader.overrides);
  g_hash_table_unref (reader.counters);
  g_free (reader.default_style);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_ptr_array_unref (lines);
      return NULL;
    }

  return lines;
}
