/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <libxml/tree.h>
#include <math.h>

#include "jh-export.h"
#include "jh-fonts-private.h"
#include "jh-xml-private.h"

/* The ODT: an ODF 1.3 package (mimetype, META-INF/manifest.xml,
 * content.xml, styles.xml, meta.xml) written with libxml2 and zipped
 * with libgsf.
 *
 * Every kind of text has a named paragraph style (标题, 一级标题, 正文,
 * 落款…) that says what it is, so that users restyle a whole document
 * in Writer or WPS by changing a style.  Numbering is text in the
 * headings, as the plan computed it: ODF list numbering would number
 * differently in every word processor.  Fonts are named as the standard
 * names them, with the fonts that stand in for them listed after, so
 * the document looks right where the Windows fonts are installed and
 * sensible where they are not.
 */

#define NS_OFFICE   "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE    "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT     "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE    "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO       "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG      "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_META     "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC       "http://purl.org/dc/elements/1.1/"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

#define ODF_VERSION "1.3"

#define POINTS_PER_MM (72.0 / 25.4)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

/* The footer holds the page number: its line is this high, and the
 * space above it is what is left of the distance below the text block
 * once the line's upper half is taken off, so that the middle of the
 * line, where the dashes are, lies at that distance.
 */
#define FOOTER_LINE_HEIGHT_MM 5.0

typedef struct
{
  JhLayout       *layout;
  JhPageProfile  *profile;
  xmlNode        *root;
  xmlNs          *office;
  xmlNs          *style;
  xmlNs          *text;
  xmlNs          *table;
  xmlNs          *fo;
  xmlNs          *svg;
  xmlNs          *meta;
  xmlNs          *dc;
  xmlNode        *automatic_styles;
  const char     *automatic_prefix;
  guint           n_automatic;
  guint           n_tables;

  /* Word processors keep lengths in twentieths of a point; the line
   * height and letter spacing are rounded down to them, so that 22 lines
   * and 28 characters still fit.
   */
  double          line_height;
  double          letter_spacing;
  double          char_pitch;
} Writer;

static xmlNode *
add_element (xmlNode    *parent,
             xmlNs      *ns,
             const char *name)
{
  return xmlNewChild (parent, ns, (const xmlChar *) name, NULL);
}

static void
set_attribute (xmlNode    *node,
               xmlNs      *ns,
               const char *name,
               const char *value)
{
  xmlNewNsProp (node, ns, (const xmlChar *) name, (const xmlChar *) value);
}

static void
set_length (xmlNode    *node,
            xmlNs      *ns,
            const char *name,
            double      value,
            const char *unit)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *text = NULL;

  /* "-0.000mm" is not a length the schema allows. */
  if (fabs (value) < 0.0005)
    value = 0;

  g_ascii_formatd (buffer, sizeof buffer, "%.3f", value);
  text = g_strconcat (buffer, unit, NULL);
  set_attribute (node, ns, name, text);
}

static void
set_mm (xmlNode    *node,
        xmlNs      *ns,
        const char *name,
        double      millimetres)
{
  set_length (node, ns, name, millimetres, "mm");
}

static void
set_pt (xmlNode    *node,
        xmlNs      *ns,
        const char *name,
        double      points)
{
  set_length (node, ns, name, points, "pt");
}

static xmlDoc *
new_document (Writer     *writer,
              const char *root_name)
{
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");

  writer->root = xmlNewNode (NULL, (const xmlChar *) root_name);
  xmlDocSetRootElement (doc, writer->root);

  writer->office = xmlNewNs (writer->root, (const xmlChar *) NS_OFFICE, (const xmlChar *) "office");
  writer->style = xmlNewNs (writer->root, (const xmlChar *) NS_STYLE, (const xmlChar *) "style");
  writer->text = xmlNewNs (writer->root, (const xmlChar *) NS_TEXT, (const xmlChar *) "text");
  writer->table = xmlNewNs (writer->root, (const xmlChar *) NS_TABLE, (const xmlChar *) "table");
  writer->fo = xmlNewNs (writer->root, (const xmlChar *) NS_FO, (const xmlChar *) "fo");
  writer->svg = xmlNewNs (writer->root, (const xmlChar *) NS_SVG, (const xmlChar *) "svg");
  writer->meta = xmlNewNs (writer->root, (const xmlChar *) NS_META, (const xmlChar *) "meta");
  writer->dc = xmlNewNs (writer->root, (const xmlChar *) NS_DC, (const xmlChar *) "dc");

  xmlSetNs (writer->root, writer->office);
  set_attribute (writer->root, writer->office, "version", ODF_VERSION);
  writer->automatic_styles = NULL;

  return doc;
}

static GBytes *
dump_document (xmlDoc *doc)
{
  xmlChar *buffer = NULL;
  int size = 0;
  GBytes *bytes;

  /* Not indented: spaces between elements would be text in paragraphs. */
  xmlDocDumpFormatMemoryEnc (doc, &buffer, &size, "UTF-8", 0);
  if (buffer == NULL)
    g_error ("Out of memory");

  bytes = g_bytes_new (buffer, size);
  xmlFree (buffer);

  return bytes;
}

/* Fonts. */

/* The name a style gives a font: the first family the profile names. */
static char *
dup_font_name (Writer      *writer,
               JhTextStyle  style)
{
  const char *families = jh_page_profile_get_font (writer->profile, style);

  return g_strndup (families, strcspn (families, ","));
}

static void
add_font_faces (Writer *writer)
{
  xmlNode *decls = add_element (writer->root, writer->office, "font-face-decls");
  g_autoptr(GPtrArray) declared = g_ptr_array_new_with_free_func (g_free);

  for (guint style = 0; style < JH_N_TEXT_STYLES; style++)
    {
      const char *families = jh_page_profile_get_font (writer->profile, style);
      JhFontClass font_class = _jh_font_class_guess (families, style);
      g_auto(GStrv) chain = _jh_font_dup_chain (families, font_class);
      g_autoptr(GString) list = g_string_new (NULL);
      xmlNode *face;

      if (g_ptr_array_find_with_equal_func (declared, chain[0], (GEqualFunc) g_str_equal, NULL))
        continue;
      g_ptr_array_add (declared, g_strdup (chain[0]));

      /* A CSS font list: the word processor takes the first it has. */
      for (guint i = 0; chain[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (list, ", ");
          if (strpbrk (chain[i], " ,") != NULL)
            g_string_append_printf (list, "'%s'", chain[i]);
          else
            g_string_append (list, chain[i]);
        }

      face = add_element (decls, writer->style, "font-face");
      set_attribute (face, writer->style, "name", chain[0]);
      set_attribute (face, writer->svg, "font-family", list->str);
      set_attribute (face, writer->style, "font-family-generic", _jh_font_class_generic (font_class));
      set_attribute (face, writer->style, "font-pitch", "variable");
    }
}

/* Styles. */

static gboolean
is_on_grid (Writer      *writer,
            JhTextStyle  style)
{
  return jh_page_profile_get_size (writer->profile, style) == jh_page_profile_get_body_size (writer->profile);
}

static void
add_text_properties (Writer      *writer,
                     xmlNode     *style_node,
                     JhTextStyle  style)
{
  xmlNode *properties = add_element (style_node, writer->style, "text-properties");
  g_autofree char *font = dup_font_name (writer, style);
  double size = jh_page_profile_get_size (writer->profile, style);

  /* Chinese text takes the Asian font and size; digits and Latin letters
   * the Western ones; both are the standard's.
   */
  set_attribute (properties, writer->style, "font-name", font);
  set_pt (properties, writer->fo, "font-size", size);
  set_attribute (properties, writer->style, "font-name-asian", font);
  set_pt (properties, writer->style, "font-size-asian", size);
  set_attribute (properties, writer->style, "font-name-complex", font);
  set_pt (properties, writer->style, "font-size-complex", size);
  set_attribute (properties, writer->fo, "color", "#000000");

  if (style != JH_TEXT_STYLE_PAGE_NUMBER && is_on_grid (writer, style))
    set_pt (properties, writer->fo, "letter-spacing", writer->letter_spacing);
  else
    set_attribute (properties, writer->fo, "letter-spacing", "normal");
}

static xmlNode *
add_style (Writer     *writer,
           xmlNode    *parent,
           const char *name,
           const char *family,
           const char *parent_name)
{
  xmlNode *node = add_element (parent, writer->style, "style");

  set_attribute (node, writer->style, "name", name);
  set_attribute (node, writer->style, "family", family);
  if (parent_name != NULL)
    set_attribute (node, writer->style, "parent-style-name", parent_name);

  return node;
}

static const char *
text_align (JhBlockAlignment alignment)
{
  switch (alignment)
    {
    case JH_BLOCK_ALIGNMENT_CENTER:
      return "center";
    case JH_BLOCK_ALIGNMENT_START:
      return "start";
    case JH_BLOCK_ALIGNMENT_END:
      return "end";
    case JH_BLOCK_ALIGNMENT_JUSTIFY:
    default:
      return "justify";
    }
}

static xmlNode *
add_paragraph_style (Writer           *writer,
                     xmlNode          *parent,
                     JhTextStyle       style,
                     JhBlockAlignment  alignment,
                     double            first_line_indent,
                     gboolean          keep_with_next)
{
  const char *name = jh_text_style_get_name (style);
  const char *parent_name = style == JH_TEXT_STYLE_BODY ? NULL : jh_text_style_get_name (JH_TEXT_STYLE_BODY);
  xmlNode *node = add_style (writer, parent, name, "paragraph", parent_name);
  xmlNode *properties;

  set_attribute (node, writer->style, "display-name", name);
  set_attribute (node, writer->style, "class", style == JH_TEXT_STYLE_BODY ? "text" : "extra");

  properties = add_element (node, writer->style, "paragraph-properties");
  set_attribute (properties, writer->fo, "text-align", text_align (alignment));
  if (alignment == JH_BLOCK_ALIGNMENT_JUSTIFY)
    set_attribute (properties, writer->fo, "text-align-last", "start");
  set_pt (properties, writer->fo, "text-indent", first_line_indent * writer->char_pitch);
  set_attribute (properties, writer->fo, "margin-left", "0mm");
  set_attribute (properties, writer->fo, "margin-right", "0mm");
  set_attribute (properties, writer->fo, "margin-top", "0mm");
  set_attribute (properties, writer->fo, "margin-bottom", "0mm");

  /* Lines of the body's size stand on the grid: an exact line height.
   * Larger type (the title) gets at least the grid's height, so that a
   * font taller than the standard's is not cut off.
   */
  if (is_on_grid (writer, style))
    set_pt (properties, writer->fo, "line-height", writer->line_height);
  else
    set_pt (properties, writer->style, "line-height-at-least", writer->line_height);

  if (style == JH_TEXT_STYLE_BODY)
    {
      set_attribute (properties, writer->fo, "orphans", "2");
      set_attribute (properties, writer->fo, "widows", "2");
      /* Chinese line breaking: no closing punctuation at the start of a
       * line, no punctuation hanging into the margin.
       */
      set_attribute (properties, writer->style, "line-break", "strict");
      set_attribute (properties, writer->style, "punctuation-wrap", "simple");
      set_attribute (properties, writer->style, "text-autospace", "none");
      set_attribute (properties, writer->style, "writing-mode", "lr-tb");
    }
  if (keep_with_next)
    set_attribute (properties, writer->fo, "keep-with-next", "always");

  add_text_properties (writer, node, style);

  return node;
}

static void
add_default_style (Writer  *writer,
                   xmlNode *styles)
{
  xmlNode *node = add_element (styles, writer->style, "default-style");
  xmlNode *properties;

  set_attribute (node, writer->style, "family", "paragraph");
  properties = add_element (node, writer->style, "paragraph-properties");
  set_attribute (properties, writer->style, "line-break", "strict");
  set_attribute (properties, writer->style, "punctuation-wrap", "simple");
  set_attribute (properties, writer->style, "writing-mode", "lr-tb");

  properties = add_element (node, writer->style, "text-properties");
  set_attribute (properties, writer->fo, "language", "zh");
  set_attribute (properties, writer->fo, "country", "CN");
  set_attribute (properties, writer->style, "language-asian", "zh");
  set_attribute (properties, writer->style, "country-asian", "CN");
  set_attribute (properties, writer->fo, "hyphenate", "false");
}

static void
add_named_styles (Writer  *writer,
                  xmlNode *styles)
{
  add_default_style (writer, styles);

  add_paragraph_style (writer, styles, JH_TEXT_STYLE_BODY, JH_BLOCK_ALIGNMENT_JUSTIFY, 2, FALSE);
  add_paragraph_style (writer, styles, JH_TEXT_STYLE_TITLE, JH_BLOCK_ALIGNMENT_CENTER, 0, TRUE);
  for (JhTextStyle style = JH_TEXT_STYLE_HEADING_1; style <= JH_TEXT_STYLE_HEADING_4; style++)
    {
      xmlNode *node = add_paragraph_style (writer, styles, style, JH_BLOCK_ALIGNMENT_JUSTIFY, 2, TRUE);
      g_autofree char *level = g_strdup_printf ("%d", style - JH_TEXT_STYLE_HEADING_1 + 1);

      /* Writer's navigator lists the headings by their level. */
      set_attribute (node, writer->style, "default-outline-level", level);
    }
  add_paragraph_style (writer, styles, JH_TEXT_STYLE_TABLE_HEADING, JH_BLOCK_ALIGNMENT_CENTER, 0, FALSE);
  add_paragraph_style (writer, styles, JH_TEXT_STYLE_TABLE_TEXT, JH_BLOCK_ALIGNMENT_JUSTIFY, 0, FALSE);
  add_paragraph_style (writer, styles, JH_TEXT_STYLE_ATTACHMENT_NOTE, JH_BLOCK_ALIGNMENT_START, 2, FALSE);
  add_paragraph_style (writer, styles, JH_TEXT_STYLE_SIGNOFF, JH_BLOCK_ALIGNMENT_END, 0, FALSE);
  add_paragraph_style (writer, styles, JH_TEXT_STYLE_ATTACHMENT_LABEL, JH_BLOCK_ALIGNMENT_START, 0, TRUE);
  add_paragraph_style (writer, styles, JH_TEXT_STYLE_ATTACHMENT_TITLE, JH_BLOCK_ALIGNMENT_CENTER, 0, TRUE);
  add_paragraph_style (writer, styles, JH_TEXT_STYLE_PAGE_NUMBER, JH_BLOCK_ALIGNMENT_END, 0, FALSE);
}

/* An automatic style: what one paragraph has beyond its named style. */
static xmlNode *
add_automatic_paragraph_style (Writer      *writer,
                               JhTextStyle  style,
                               char       **name_out)
{
  g_autofree char *name = g_strdup_printf ("%s%u", writer->automatic_prefix, ++writer->n_automatic);
  xmlNode *node = add_style (writer, writer->automatic_styles, name, "paragraph",
                             jh_text_style_get_name (style));

  *name_out = g_steal_pointer (&name);

  return add_element (node, writer->style, "paragraph-properties");
}

static void
add_page_layout (Writer  *writer,
                 xmlNode *automatic_styles)
{
  JhPageProfile *profile = writer->profile;
  xmlNode *layout = add_element (automatic_styles, writer->style, "page-layout");
  xmlNode *properties;
  xmlNode *footer;
  double footer_space = 0;
  double bottom = jh_page_profile_get_margin_bottom (profile);

  set_attribute (layout, writer->style, "name", "版式");
  set_attribute (layout, writer->style, "page-usage", "all");

  if (jh_page_profile_get_page_number_style (profile) != JH_PAGE_NUMBER_STYLE_NONE)
    {
      footer_space = MAX (0, jh_page_profile_get_page_number_distance (profile) - FOOTER_LINE_HEIGHT_MM / 2);
      bottom -= footer_space + FOOTER_LINE_HEIGHT_MM;
    }

  properties = add_element (layout, writer->style, "page-layout-properties");
  set_mm (properties, writer->fo, "page-width", jh_page_profile_get_page_width (profile));
  set_mm (properties, writer->fo, "page-height", jh_page_profile_get_page_height (profile));
  set_attribute (properties, writer->style, "print-orientation", "portrait");
  set_mm (properties, writer->fo, "margin-top", jh_page_profile_get_margin_top (profile));
  set_mm (properties, writer->fo, "margin-bottom", MAX (0, bottom));
  set_mm (properties, writer->fo, "margin-left", jh_page_profile_get_margin_left (profile));
  set_mm (properties, writer->fo, "margin-right", jh_page_profile_get_margin_right (profile));
  set_attribute (properties, writer->style, "writing-mode", "lr-tb");

  if (jh_page_profile_get_page_number_style (profile) == JH_PAGE_NUMBER_STYLE_NONE)
    return;

  footer = add_element (add_element (layout, writer->style, "footer-style"), writer->style, "header-footer-properties");
  set_mm (footer, writer->fo, "min-height", FOOTER_LINE_HEIGHT_MM);
  set_mm (footer, writer->fo, "margin-top", footer_space);
  set_attribute (footer, writer->style, "dynamic-spacing", "false");
}

/* The page number paragraph of the odd or the even pages' footer. */
static void
add_page_number (Writer     *writer,
                 xmlNode    *footer,
                 gboolean    even)
{
  JhPageProfile *profile = writer->profile;
  JhPageNumberStyle number_style = jh_page_profile_get_page_number_style (profile);
  double indent = jh_page_profile_get_page_number_indent (profile) *
                  jh_page_profile_get_page_number_size (profile);
  g_autofree char *name = NULL;
  xmlNode *properties;
  xmlNode *paragraph;
  xmlNode *field;

  properties = add_automatic_paragraph_style (writer, JH_TEXT_STYLE_PAGE_NUMBER, &name);
  set_pt (properties, writer->fo, "line-height", FOOTER_LINE_HEIGHT_MM * POINTS_PER_MM);
  if (jh_page_profile_get_page_number_position (profile) == JH_PAGE_NUMBER_POSITION_CENTER)
    {
      set_attribute (properties, writer->fo, "text-align", "center");
    }
  else if (even)
    {
      set_attribute (properties, writer->fo, "text-align", "start");
      set_pt (properties, writer->fo, "margin-left", indent);
    }
  else
    {
      set_attribute (properties, writer->fo, "text-align", "end");
      set_pt (properties, writer->fo, "margin-right", indent);
    }

  paragraph = add_element (footer, writer->text, "p");
  set_attribute (paragraph, writer->text, "style-name", name);
  if (number_style == JH_PAGE_NUMBER_STYLE_DASHES)
    xmlNodeAddContent (paragraph, (const xmlChar *) "— ");
  field = xmlNewTextChild (paragraph, writer->text, (const xmlChar *) "page-number", (const xmlChar *) (even ? "2" : "1"));
  set_attribute (field, writer->text, "select-page", "current");
  if (number_style == JH_PAGE_NUMBER_STYLE_DASHES)
    xmlNodeAddContent (paragraph, (const xmlChar *) " —");
}

static GBytes *
write_styles (Writer *writer)
{
  g_autoptr(xmlDoc) doc = new_document (writer, "document-styles");
  xmlNode *styles;
  xmlNode *master;

  add_font_faces (writer);
  styles = add_element (writer->root, writer->office, "styles");
  add_named_styles (writer, styles);

  writer->automatic_styles = add_element (writer->root, writer->office, "automatic-styles");
  add_page_layout (writer, writer->automatic_styles);

  master = add_element (add_element (writer->root, writer->office, "master-styles"), writer->style, "master-page");
  set_attribute (master, writer->style, "name", "Standard");
  set_attribute (master, writer->style, "page-layout-name", "版式");

  /* Odd pages (right-hand) and even pages (left-hand) have their page
   * numbers on opposite sides.
   */
  if (jh_page_profile_get_page_number_style (writer->profile) != JH_PAGE_NUMBER_STYLE_NONE)
    {
      add_page_number (writer, add_element (master, writer->style, "footer"), FALSE);
      add_page_number (writer, add_element (master, writer->style, "footer-left"), TRUE);
    }

  return dump_document (doc);
}

/* Content. */

/* Text in a paragraph: newlines are line breaks, runs of spaces and
 * tabs are kept as ODF keeps them.
 */
static void
add_text (Writer     *writer,
          xmlNode    *paragraph,
          const char *text)
{
  g_autoptr(GString) run = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\n' && *p != '\t' && !(*p == ' ' && p[1] == ' '))
        {
          g_string_append_c (run, *p);
          continue;
        }

      if (run->len > 0)
        {
          xmlNodeAddContentLen (paragraph, (const xmlChar *) run->str, run->len);
          g_string_truncate (run, 0);
        }

      if (*p == '\n')
        add_element (paragraph, writer->text, "line-break");
      else if (*p == '\t')
        add_element (paragraph, writer->text, "tab");
      else
        {
          guint n = 0;
          g_autofree char *count = NULL;
          xmlNode *spaces;

          while (p[n] == ' ')
            n++;
          spaces = add_element (paragraph, writer->text, "s");
          count = g_strdup_printf ("%u", n);
          set_attribute (spaces, writer->text, "c", count);
          p += n - 1;
        }
    }

  if (run->len > 0)
    xmlNodeAddContentLen (paragraph, (const xmlChar *) run->str, run->len);
}

static xmlNode *
add_paragraph (Writer     *writer,
               xmlNode    *parent,
               const char *style_name,
               const char *text)
{
  xmlNode *paragraph = add_element (parent, writer->text, "p");

  set_attribute (paragraph, writer->text, "style-name", style_name);
  if (text != NULL)
    add_text (writer, paragraph, text);

  return paragraph;
}

static void
add_table (Writer              *writer,
           xmlNode             *body,
           const JhLayoutBlock *block)
{
  const JhLayoutTable *table = block->table;
  double text_width = jh_page_profile_get_text_width (writer->profile);
  g_autofree char *table_name = g_strdup_printf ("表%u", ++writer->n_tables);
  g_autofree char *cell_style = g_strdup_printf ("%s.单元格", table_name);
  g_autoptr(GPtrArray) column_styles = g_ptr_array_new_with_free_func (g_free);
  xmlNode *node;
  xmlNode *style;
  xmlNode *properties;
  xmlNode *rows = NULL;
  double total = 0;

  for (guint i = 0; i < table->n_columns; i++)
    total += table->column_widths[i];

  style = add_style (writer, writer->automatic_styles, table_name, "table", NULL);
  properties = add_element (style, writer->style, "table-properties");
  set_mm (properties, writer->style, "width", text_width);
  set_attribute (properties, writer->table, "align", "margins");

  style = add_style (writer, writer->automatic_styles, cell_style, "table-cell", NULL);
  properties = add_element (style, writer->style, "table-cell-properties");
  set_attribute (properties, writer->fo, "border", "0.75pt solid #000000");
  set_pt (properties, writer->fo, "padding-left", 0.25 * writer->char_pitch);
  set_pt (properties, writer->fo, "padding-right", 0.25 * writer->char_pitch);
  set_attribute (properties, writer->fo, "padding-top", "0mm");
  set_attribute (properties, writer->fo, "padding-bottom", "0mm");
  set_attribute (properties, writer->style, "vertical-align", "middle");

  node = add_element (body, writer->table, "table");
  set_attribute (node, writer->table, "name", table_name);
  set_attribute (node, writer->table, "style-name", table_name);

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autofree char *column_style = g_strdup_printf ("%s.%c", table_name, 'A' + i);
      xmlNode *column;

      style = add_style (writer, writer->automatic_styles, column_style, "table-column", NULL);
      properties = add_element (style, writer->style, "table-column-properties");
      set_mm (properties, writer->style, "column-width", text_width * table->column_widths[i] / total);

      column = add_element (node, writer->table, "table-column");
      set_attribute (column, writer->table, "style-name", column_style);

      {
        char *paragraph_style = NULL;

        properties = add_automatic_paragraph_style (writer, JH_TEXT_STYLE_TABLE_TEXT, &paragraph_style);
        set_attribute (properties, writer->fo, "text-align", text_align (table->column_alignments[i]));
        g_ptr_array_add (column_styles, paragraph_style);
      }
    }

  for (guint r = 0; r < table->n_rows; r++)
    {
      gboolean heading = r < table->n_heading_rows;
      xmlNode *row;

      if (heading && rows == NULL)
        rows = add_element (node, writer->table, "table-header-rows");
      else if (!heading)
        rows = node;

      row = add_element (rows, writer->table, "table-row");
      for (guint c = 0; c < table->n_columns; c++)
        {
          xmlNode *cell = add_element (row, writer->table, "table-cell");

          set_attribute (cell, writer->table, "style-name", cell_style);
          set_attribute (cell, writer->office, "value-type", "string");
          add_paragraph (writer, cell,
                         heading ? jh_text_style_get_name (JH_TEXT_STYLE_TABLE_HEADING)
                                 : (const char *) g_ptr_array_index (column_styles, c),
                         table->cells[r * table->n_columns + c]);
        }
    }
}

static void
add_block (Writer              *writer,
           xmlNode             *body,
           const JhLayoutBlock *block)
{
  const char *style_name = jh_text_style_get_name (block->style);
  g_autofree char *automatic_name = NULL;
  xmlNode *paragraph;

  /* Empty lines are empty paragraphs, as users of word processors make
   * them.
   */
  for (guint i = 0; i < block->space_before; i++)
    {
      paragraph = add_paragraph (writer, body, jh_text_style_get_name (JH_TEXT_STYLE_BODY), NULL);
      if (i == 0 && block->page_break_before)
        {
          g_autofree char *name = NULL;
          xmlNode *properties = add_automatic_paragraph_style (writer, JH_TEXT_STYLE_BODY, &name);

          set_attribute (properties, writer->fo, "break-before", "page");
          set_attribute (paragraph, writer->text, "style-name", name);
        }
    }

  if (block->table != NULL)
    {
      add_table (writer, body, block);
      return;
    }

  /* What the named style does not say: the sign-off's and the
   * attachment list's placement, a page break.
   */
  if (block->kind == JH_BLOCK_KIND_SIGNOFF_ORGANIZATION ||
      block->kind == JH_BLOCK_KIND_SIGNOFF_DATE ||
      block->kind == JH_BLOCK_KIND_ATTACHMENT_NOTE ||
      (block->page_break_before && block->space_before == 0) ||
      (block->keep_with_next && block->kind == JH_BLOCK_KIND_PARAGRAPH))
    {
      xmlNode *properties = add_automatic_paragraph_style (writer, block->style, &automatic_name);

      set_pt (properties, writer->fo, "margin-left", block->start_indent * writer->char_pitch);
      set_pt (properties, writer->fo, "margin-right", block->end_indent * writer->char_pitch);
      set_pt (properties, writer->fo, "text-indent", block->first_line_indent * writer->char_pitch);
      if (block->page_break_before && block->space_before == 0)
        set_attribute (properties, writer->fo, "break-before", "page");
      if (block->keep_with_next)
        set_attribute (properties, writer->fo, "keep-with-next", "always");
      style_name = automatic_name;
    }

  if (block->kind == JH_BLOCK_KIND_HEADING)
    {
      g_autofree char *level = g_strdup_printf ("%u", MAX (block->level, 1));

      paragraph = add_element (body, writer->text, "h");
      set_attribute (paragraph, writer->text, "style-name", style_name);
      set_attribute (paragraph, writer->text, "outline-level", level);
      add_text (writer, paragraph, block->text);
      return;
    }

  add_paragraph (writer, body, style_name, block->text);
}

static GBytes *
write_content (Writer        *writer,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(xmlDoc) doc = new_document (writer, "document-content");
  xmlNode *body;

  add_font_faces (writer);
  writer->automatic_styles = add_element (writer->root, writer->office, "automatic-styles");
  body = add_element (add_element (writer->root, writer->office, "body"), writer->office, "text");

  for (guint i = 0; i < jh_layout_get_n_blocks (writer->layout); i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      add_block (writer, body, jh_layout_get_block (writer->layout, i));
    }

  return dump_document (doc);
}

static char *
format_date_time (const GDate *date)
{
  g_autoptr(GDateTime) now = NULL;

  if (date != NULL)
    return g_strdup_printf ("%04u-%02u-%02uT00:00:00", g_date_get_year (date),
                            g_date_get_month (date), g_date_get_day (date));

  now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static GBytes *
write_meta (Writer *writer)
{
  g_autoptr(xmlDoc) doc = new_document (writer, "document-meta");
  g_autofree char *generator = g_strdup_printf ("Jihua/%s", PACKAGE_VERSION);
  g_autofree char *created = format_date_time (jh_layout_get_date (writer->layout));
  g_autofree char *now = format_date_time (NULL);
  xmlNode *meta = add_element (writer->root, writer->office, "meta");
  const char *author = jh_layout_get_author (writer->layout);

  xmlNewTextChild (meta, writer->meta, (const xmlChar *) "generator", (const xmlChar *) generator);
  xmlNewTextChild (meta, writer->dc, (const xmlChar *) "title", (const xmlChar *) jh_layout_get_title (writer->layout));
  xmlNewTextChild (meta, writer->dc, (const xmlChar *) "subject", (const xmlChar *) jh_layout_get_subject (writer->layout));
  if (*author != '\0')
    {
      xmlNewTextChild (meta, writer->meta, (const xmlChar *) "initial-creator", (const xmlChar *) author);
      xmlNewTextChild (meta, writer->dc, (const xmlChar *) "creator", (const xmlChar *) author);
    }
  /* The document was made on its date; this file was written now. */
  xmlNewTextChild (meta, writer->meta, (const xmlChar *) "creation-date", (const xmlChar *) created);
  xmlNewTextChild (meta, writer->dc, (const xmlChar *) "date", (const xmlChar *) now);
  xmlNewTextChild (meta, writer->dc, (const xmlChar *) "language", (const xmlChar *) "zh-CN");

  return dump_document (doc);
}

static GBytes *
write_manifest (void)
{
  g_autoptr(xmlDoc) doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root = xmlNewNode (NULL, (const xmlChar *) "manifest");
  xmlNs *ns = xmlNewNs (root, (const xmlChar *) NS_MANIFEST, (const xmlChar *) "manifest");
  static const char * const parts[] = { "content.xml", "styles.xml", "meta.xml" };
  xmlNode *entry;

  xmlDocSetRootElement (doc, root);
  xmlSetNs (root, ns);
  xmlNewNsProp (root, ns, (const xmlChar *) "version", (const xmlChar *) ODF_VERSION);

  entry = xmlNewChild (root, ns, (const xmlChar *) "file-entry", NULL);
  xmlNewNsProp (entry, ns, (const xmlChar *) "full-path", (const xmlChar *) "/");
  xmlNewNsProp (entry, ns, (const xmlChar *) "version", (const xmlChar *) ODF_VERSION);
  xmlNewNsProp (entry, ns, (const xmlChar *) "media-type", (const xmlChar *) JH_ODT_MIME_TYPE);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      entry = xmlNewChild (root, ns, (const xmlChar *) "file-entry", NULL);
      xmlNewNsProp (entry, ns, (const xmlChar *) "full-path", (const xmlChar *) parts[i]);
      xmlNewNsProp (entry, ns, (const xmlChar *) "media-type", (const xmlChar *) "text/xml");
    }

  return dump_document (doc);
}

/* Package. */

static gboolean
write_member (GsfOutfile  *parent,
              const char  *name,
              GBytes      *bytes,
              gboolean     stored,
              GError     **error)
{
  g_autoptr(GsfOutput) member = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  /* The mimetype comes first and uncompressed, with no extra field, so
   * that a program can read the type at a fixed offset.
   */
  if (stored)
    member = gsf_outfile_new_child_full (parent, name, FALSE, "compression-level", GSF_ZIP_STORED, NULL);
  else
    member = gsf_outfile_new_child_full (parent, name, FALSE, "compression-level", GSF_ZIP_DEFLATED, NULL);

  if (member == NULL ||
      !gsf_output_write (member, size, data) ||
      !gsf_output_close (member))
    {
      const GError *gsf_error = member != NULL ? gsf_output_error (member) : NULL;

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The ODT could not be written: %s"),
                   gsf_error != NULL ? gsf_error->message : name);
      return FALSE;
    }

  return TRUE;
}

/**
 * jh_export_odt_to_bytes:
 * @layout: a #JhLayout
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @layout as an ODF 1.3 text document: its page layout, fonts
 * and page numbers (fields in the footers, odd and even pages apart)
 * as its profile says, and every kind of text in a named paragraph
 * style.
 *
 * Returns: (transfer full): the ODT, or %NULL with @error set
 */
GBytes *
jh_export_odt_to_bytes (JhLayout      *layout,
                        GCancellable  *cancellable,
                        GError       **error)
{
  Writer writer = { 0, };
  g_autoptr(GBytes) mimetype = g_bytes_new_static (JH_ODT_MIME_TYPE, strlen (JH_ODT_MIME_TYPE));
  g_autoptr(GBytes) manifest = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GBytes) styles = NULL;
  g_autoptr(GBytes) meta = NULL;
  g_autoptr(GsfOutput) sink = NULL;
  g_autoptr(GsfOutfile) zip = NULL;
  g_autoptr(GsfOutfile) meta_inf = NULL;
  GError *local_error = NULL;
  gsize size;

  g_return_val_if_fail (JH_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  writer.layout = layout;
  writer.profile = jh_layout_get_profile (layout);

  if (!jh_page_profile_check (writer.profile, error))
    return NULL;

  writer.line_height = floor (jh_page_profile_get_line_pitch (writer.profile) * 20) / 20;
  writer.letter_spacing = floor (jh_page_profile_get_letter_spacing (writer.profile) * 20) / 20;
  writer.char_pitch = jh_page_profile_get_body_size (writer.profile) + writer.letter_spacing;

  /* The automatic styles of content.xml and of styles.xml are apart, and
   * named apart so that no word processor mixes them up.
   */
  writer.automatic_prefix = "P";
  content = write_content (&writer, cancellable, error);
  if (content == NULL)
    return NULL;
  writer.automatic_prefix = "MP";
  writer.n_automatic = 0;
  styles = write_styles (&writer);
  meta = write_meta (&writer);
  manifest = write_manifest ();

  sink = gsf_output_memory_new ();
  zip = gsf_outfile_zip_new (sink, &local_error);
  if (zip == NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (!write_member (zip, "mimetype", mimetype, TRUE, error))
    return NULL;

  meta_inf = GSF_OUTFILE (gsf_outfile_new_child (zip, "META-INF", TRUE));
  if (!write_member (meta_inf, "manifest.xml", manifest, FALSE, error) ||
      !gsf_output_close (GSF_OUTPUT (meta_inf)))
    return NULL;

  if (!write_member (zip, "content.xml", content, FALSE, error) ||
      !write_member (zip, "styles.xml", styles, FALSE, error) ||
      !write_member (zip, "meta.xml", meta, FALSE, error))
    return NULL;

  if (!gsf_output_close (GSF_OUTPUT (zip)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The ODT could not be written: %s"), gsf_output_error (GSF_OUTPUT (zip))->message);
      return NULL;
    }

  size = gsf_output_size (sink);

  return g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), size);
}
