/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "jh-fonts-private.h"
#include "jh-page-renderer.h"
#include "jh-timeline-render.h"

#define POINTS_PER_MM (72.0 / 25.4)

/* CJK fonts draw ideographs in an em box whose bottom is 0.12 em below
 * the baseline (the ideographic em box of OpenType's BASE table).
 * Centring that box on a line of the grid puts the baseline 0.88 em
 * below the box's top; the em-dashes of page numbers sit at its middle.
 */
#define EM_BOX_ASCENT 0.88

/* The room between a table cell's text and its rules, in characters. */
#define CELL_PADDING 0.25

/* How much wider than the text block a line may be laid out, in points,
 * so that rounding to Pango units never pushes the last of a full line
 * of characters to the next line.  It is far less than a character.
 */
#define WIDTH_TOLERANCE 0.01

/**
 * JhPageRenderer:
 *
 * Sets a #JhLayout on pages with Pango and draws them with Cairo: the
 * PDF export draws every page onto a PDF surface, printing draws the
 * page it is asked for.
 *
 * The body is set on the grid of its profile: every line of text stands
 * on a line of the grid (22 a page in GB/T 9704-2012), and the letters
 * are spaced so that a line of full-width characters fills the text
 * block exactly (28 a line).  Pages are broken between lines so that
 * no paragraph leaves a single line at the foot of a page or carries a
 * single line to the next, a heading is never the last line of a page,
 * and the sign-off stays with the end of the text.  Pango breaks lines
 * by the rules of Chinese typesetting: no closing punctuation (。，、；：
 * ？！）」』】”) starts a line and no opening bracket ends one.
 *
 * Units are points, the origin the top left corner of the paper.  To
 * print, a #GtkPrintOperation that uses the full page in points
 * (gtk_print_operation_set_use_full_page(),
 * gtk_print_operation_set_unit() with %GTK_UNIT_POINTS) calls
 * jh_page_renderer_get_n_pages() in #GtkPrintOperation::begin-print and
 * jh_page_renderer_draw_page() in #GtkPrintOperation::draw-page.  The
 * renderer sets text with metrics that do not depend on the device, so
 * the pages are the same on paper as in the PDF.
 */

typedef struct
{
  PangoLayout *layout;
  JhTextStyle  style;
  double       x;
  double       width;
  guint        n_lines;
} Cell;

typedef struct
{
  guint  n_cells;
  Cell  *cells;
} TableRow;

/* What takes up lines of the grid: a line of text, an empty line, or a
 * row of a table, which is never split.
 */
typedef struct
{
  guint         height;
  int           block;
  gboolean      blank;
  gboolean      break_after;
  gboolean      page_break_before;

  PangoLayout  *layout;
  guint         line_index;
  double        x;
  double        width;
  JhTextStyle   style;

  TableRow     *table_row;
  int           header;
} Unit;

typedef struct
{
  guint    unit;
  guint    row;
  gboolean repeated;
} Item;

struct _JhPageRenderer
{
  GObject                parent_instance;

  JhLayout              *layout;
  JhPageProfile         *profile;
  PangoFontMap          *font_map;
  PangoContext          *context;
  PangoFontDescription  *fonts[JH_N_TEXT_STYLES];
  char                  *families[JH_N_TEXT_STYLES];
  char                  *punctuation_families[JH_N_TEXT_STYLES];

  double                 left;
  double                 top;
  double                 text_width;
  double                 text_height;
  double                 line_pitch;
  double                 char_pitch;

  GArray                *units;
  GPtrArray             *pages;
};

G_DEFINE_FINAL_TYPE (JhPageRenderer, jh_page_renderer, G_TYPE_OBJECT)

void
jh_page_line_free (JhPageLine *line)
{
  if (line == NULL)
    return;

  g_free (line->text);
  g_free (line);
}

static void
table_row_free (TableRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    g_clear_object (&row->cells[i].layout);
  g_free (row->cells);
  g_free (row);
}

static void
unit_clear (Unit *unit)
{
  g_clear_object (&unit->layout);
  g_clear_pointer (&unit->table_row, table_row_free);
}

static void
jh_page_renderer_finalize (GObject *object)
{
  JhPageRenderer *self = (JhPageRenderer *) object;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_array_unref);
  for (guint i = 0; i < JH_N_TEXT_STYLES; i++)
    {
      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      g_clear_pointer (&self->families[i], g_free);
      g_clear_pointer (&self->punctuation_families[i], g_free);
    }
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (jh_page_renderer_parent_class)->finalize (object);
}

static void
jh_page_renderer_class_init (JhPageRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jh_page_renderer_finalize;
}

static void
jh_page_renderer_init (JhPageRenderer *self)
{
  self->units = g_array_new (FALSE, TRUE, sizeof (Unit));
  g_array_set_clear_func (self->units, (GDestroyNotify) unit_clear);
}

/* Fonts. */

static gboolean
family_is_installed (const char *family)
{
  FcPattern *pattern;
  FcObjectSet *objects;
  FcFontSet *set;
  gboolean installed;

  /* FcFontList matches every name a font has, in every language, so
   * that "仿宋_GB2312" finds the font whatever name it lists first.
   */
  pattern = FcPatternCreate ();
  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  objects = FcObjectSetBuild (FC_FAMILY, NULL);
  set = FcFontList (NULL, pattern, objects);
  installed = set != NULL && set->nfont > 0;

  if (set != NULL)
    FcFontSetDestroy (set);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);

  return installed;
}

/**
 * jh_page_profile_dup_font_chain:
 * @profile: a #JhPageProfile
 * @style: a kind of text
 *
 * The families tried for @style, in order: the profile's own, then the
 * fonts of their kind that stand in for them (FangSong, Kai, Hei…),
 * ending with free fonts Debian ships.
 *
 * Returns: (transfer full): the families
 */
GStrv
jh_page_profile_dup_font_chain (JhPageProfile *profile,
                                JhTextStyle    style)
{
  const char *families;

  g_return_val_if_fail (JH_IS_PAGE_PROFILE (profile), NULL);
  g_return_val_if_fail (style < JH_N_TEXT_STYLES, NULL);

  families = jh_page_profile_get_font (profile, style);

  return _jh_font_dup_chain (families, _jh_font_class_guess (families, style));
}

/**
 * jh_page_profile_dup_installed_font:
 * @profile: a #JhPageProfile
 * @style: a kind of text
 *
 * The family a PDF or a print sets @style in on this computer: the
 * first of jh_page_profile_dup_font_chain() that is installed.
 *
 * Returns: (transfer full): the family, or the first of the chain if
 *   none is installed (fontconfig then substitutes one)
 */
char *
jh_page_profile_dup_installed_font (JhPageProfile *profile,
                                    JhTextStyle    style)
{
  g_auto(GStrv) chain = NULL;

  g_return_val_if_fail (JH_IS_PAGE_PROFILE (profile), NULL);
  g_return_val_if_fail (style < JH_N_TEXT_STYLES, NULL);

  chain = jh_page_profile_dup_font_chain (profile, style);
  for (guint i = 0; chain[i] != NULL; i++)
    if (family_is_installed (chain[i]))
      return g_strdup (chain[i]);

  return g_strdup (chain[0]);
}

static void
choose_font (JhPageRenderer *self,
             JhTextStyle     style)
{
  const char *families = jh_page_profile_get_font (self->profile, style);
  JhFontClass font_class = _jh_font_class_guess (families, style);
  g_autofree char *chosen = jh_page_profile_dup_installed_font (self->profile, style);
  PangoFontDescription *font;

  /* The AR PL fonts centre their punctuation in the em box, as
   * Taiwan's usage has it; mainland texts put 。，、 at the bottom left.
   * Where such a font stands in, its punctuation is taken from Noto.
   */
  if (g_str_has_prefix (chosen, "AR PL "))
    {
      static const char * const punctuation_fonts[] = { "Noto Serif CJK SC", "Noto Sans CJK SC" };

      for (guint i = 0; i < G_N_ELEMENTS (punctuation_fonts); i++)
        if (family_is_installed (punctuation_fonts[i]))
          {
            self->punctuation_families[style] = g_strdup (punctuation_fonts[i]);
            break;
          }
    }

  font = pango_font_description_new ();
  pango_font_description_set_family (font, chosen);
  pango_font_description_set_weight (font, _jh_font_wants_bold (chosen, font_class)
                                             ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size (font, jh_page_profile_get_size (self->profile, style) * PANGO_SCALE);

  self->fonts[style] = font;
  self->families[style] = g_steal_pointer (&chosen);
}

/* Text. */

static gboolean
is_cjk_punctuation (gunichar c)
{
  /* CJK Symbols and Punctuation, the full-width forms, and the quotes,
   * dashes and ellipsis Chinese text shares with English.
   */
  return (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) ||
         (c >= 0x2018 && c <= 0x201F) ||
         c == 0x2014 || c == 0x2026;
}

static void
add_punctuation_font (PangoAttrList *attributes,
                      const char    *text,
                      const char    *family)
{
  const char *run = NULL;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gboolean punctuation = *p != '\0' && is_cjk_punctuation (g_utf8_get_char (p));

      if (punctuation && run == NULL)
        run = p;
      else if (!punctuation && run != NULL)
        {
          PangoAttribute *attribute = pango_attr_family_new (family);

          attribute->start_index = run - text;
          attribute->end_index = p - text;
          pango_attr_list_insert (attributes, attribute);
          run = NULL;
        }

      if (*p == '\0')
        break;
    }
}

static PangoLayout *
create_layout (JhPageRenderer   *self,
               JhTextStyle       style,
               const char       *text,
               JhBlockAlignment  alignment,
               double            width,
               double            indent)
{
  PangoLayout *layout = pango_layout_new (self->context);
  double size = jh_page_profile_get_size (self->profile, style);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent (layout, (int) round (indent * PANGO_SCALE));

  /* Text of the body's size is spaced onto the grid; the title and
   * page numbers are set at their natural width.
   */
  if (size == jh_page_profile_get_body_size (self->profile))
    {
      int spacing = (int) floor (jh_page_profile_get_letter_spacing (self->profile) * PANGO_SCALE);

      pango_attr_list_insert (attributes, pango_attr_letter_spacing_new (spacing));
      pango_layout_set_attributes (layout, attributes);

      /* Pango breaks lines counting half the spacing at each end of a
       * line and takes it off afterwards: with the characters set
       * closer than their size, a line would come out that much wider
       * than the width it was broken for.
       */
      if (spacing < 0 && width >= 0)
        width += (double) spacing / PANGO_SCALE;
    }

  if (self->punctuation_families[style] != NULL)
    {
      add_punctuation_font (attributes, text, self->punctuation_families[style]);
      pango_layout_set_attributes (layout, attributes);
    }

  pango_layout_set_width (layout, width < 0 ? -1 : (int) ceil ((width + WIDTH_TOLERANCE) * PANGO_SCALE));

  switch (alignment)
    {
    case JH_BLOCK_ALIGNMENT_JUSTIFY:
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      pango_layout_set_justify (layout, TRUE);
      break;
    case JH_BLOCK_ALIGNMENT_CENTER:
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      break;
    case JH_BLOCK_ALIGNMENT_END:
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      break;
    case JH_BLOCK_ALIGNMENT_START:
    default:
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      break;
    }

  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
baseline_offset (JhPageRenderer *self,
                 JhTextStyle     style)
{
  double size = jh_page_profile_get_size (self->profile, style);

  return (self->line_pitch - size) / 2 + EM_BOX_ASCENT * size;
}

/* A cell with fewer lines than its row is centred in it, as the ODT's
 * cells are.
 */
static double
cell_offset (JhPageRenderer *self,
             Unit           *unit,
             Cell           *cell)
{
  return (unit->height - cell->n_lines) * self->line_pitch / 2;
}

static void
add_blank_units (JhPageRenderer *self,
                 guint           n,
                 gboolean        page_break_before)
{
  for (guint i = 0; i < n; i++)
    {
      Unit unit = { 0, };

      unit.height = 1;
      unit.block = -1;
      unit.blank = TRUE;
      unit.header = -1;
      unit.page_break_before = page_break_before && i == 0;
      g_array_append_val (self->units, unit);
    }
}

static void
add_text_units (JhPageRenderer      *self,
                guint                block_index,
                const JhLayoutBlock *block,
                gboolean             page_break_before)
{
  double start = block->start_indent * self->char_pitch;
  double first = block->first_line_indent * self->char_pitch;
  double end = block->end_indent * self->char_pitch;
  double origin = first < 0 ? start + first : start;
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  guint n_lines;
  guint line_number = 0;

  layout = create_layout (self, block->style, block->text, block->alignment,
                          self->text_width - origin - end, first);
  n_lines = pango_layout_get_line_count (layout);

  iter = pango_layout_get_iter (layout);
  do
    {
      Unit unit = { 0, };
      PangoRectangle logical;
      guint lines_before = line_number + 1;
      guint lines_after = n_lines - line_number - 1;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);

      unit.height = 1;
      unit.block = block_index;
      unit.layout = g_object_ref (layout);
      unit.line_index = line_number;
      unit.x = origin + (double) logical.x / PANGO_SCALE;
      unit.width = (double) logical.width / PANGO_SCALE;
      unit.style = block->style;
      unit.header = -1;
      unit.page_break_before = page_break_before && line_number == 0;

      if (lines_after == 0)
        unit.break_after = !block->keep_with_next;
      else if (block->kind == JH_BLOCK_KIND_PARAGRAPH || block->kind == JH_BLOCK_KIND_ATTACHMENT_NOTE)
        /* No line alone at the foot of a page or at the head of one. */
        unit.break_after = lines_before >= 2 && lines_after >= 2;
      else
        /* Titles, headings and the sign-off are never split. */
        unit.break_after = FALSE;

      g_array_append_val (self->units, unit);
      line_number++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
add_table_units (JhPageRenderer      *self,
                 guint                block_index,
                 const JhLayoutBlock *block,
                 gboolean             page_break_before)
{
  const JhLayoutTable *table = block->table;
  double padding = CELL_PADDING * self->char_pitch;
  double total = 0;
  int header = -1;

  for (guint i = 0; i < table->n_columns; i++)
    total += table->column_widths[i];

  for (guint r = 0; r < table->n_rows; r++)
    {
      Unit unit = { 0, };
      TableRow *row = g_new0 (TableRow, 1);
      gboolean is_heading = r < table->n_heading_rows;
      double x = 0;

      row->n_cells = table->n_columns;
      row->cells = g_new0 (Cell, row->n_cells);

      for (guint c = 0; c < table->n_columns; c++)
        {
          Cell *cell = &row->cells[c];
          const char *text = table->cells[r * table->n_columns + c];
          JhBlockAlignment alignment = is_heading ? JH_BLOCK_ALIGNMENT_CENTER : table->column_alignments[c];

          /* The columns share the text block's width exactly, whatever
           * the rounding of the character pitch.
           */
          cell->width = self->text_width * table->column_widths[c] / total;
          cell->x = x;
          cell->style = is_heading ? JH_TEXT_STYLE_TABLE_HEADING : JH_TEXT_STYLE_TABLE_TEXT;
          cell->layout = create_layout (self, cell->style, text, alignment, cell->width - 2 * padding, 0);
          cell->n_lines = *text != '\0' ? pango_layout_get_line_count (cell->layout) : 1;
          unit.height = MAX (unit.height, cell->n_lines);
          x += cell->width;
        }

      unit.block = block_index;
      unit.table_row = row;
      unit.style = JH_TEXT_STYLE_TABLE_TEXT;
      unit.page_break_before = page_break_before && r == 0;
      unit.header = is_heading ? -1 : header;
      unit.break_after = is_heading ? FALSE : (r + 1 < table->n_rows || !block->keep_with_next);

      if (r + 1 == table->n_heading_rows)
        header = self->units->len;

      g_array_append_val (self->units, unit);
    }
}

/* The sign-off by the measured widths: the date starts two characters
 * right of the organization, or, if it is the longer, ends two
 * characters from the right with the organization moved left.
 */
static void
place_signoff (JhPageRenderer *self)
{
  Unit *organization = NULL;
  Unit *date = NULL;
  double limit;

  for (guint i = 0; i < self->units->len; i++)
    {
      Unit *unit = &g_array_index (self->units, Unit, i);
      const JhLayoutBlock *block;

      if (unit->block < 0 || unit->table_row != NULL || unit->line_index != 0)
        continue;

      block = jh_layout_get_block (self->layout, unit->block);
      if (block->kind == JH_BLOCK_KIND_SIGNOFF_ORGANIZATION)
        organization = unit;
      else if (block->kind == JH_BLOCK_KIND_SIGNOFF_DATE)
        date = unit;
    }

  if (organization == NULL || date == NULL)
    return;

  limit = self->text_width - 2 * self->char_pitch;
  date->x = organization->x + 2 * self->char_pitch;
  if (date->x + date->width > limit + WIDTH_TOLERANCE)
    {
      date->x = limit - date->width;
      organization->x = date->x - 2 * self->char_pitch;
    }
}

static void
build_units (JhPageRenderer *self)
{
  for (guint i = 0; i < jh_layout_get_n_blocks (self->layout); i++)
    {
      const JhLayoutBlock *block = jh_layout_get_block (self->layout, i);
      gboolean page_break = block->page_break_before;

      if (block->space_before > 0)
        {
          add_blank_units (self, block->space_before, page_break);
          page_break = FALSE;
        }

      if (block->table != NULL)
        add_table_units (self, i, block, page_break);
      else
        add_text_units (self, i, block, page_break);
    }

  place_signoff (self);
}

/* Pages. */

static guint
page_real_items (GArray *page)
{
  guint n = 0;

  for (guint i = 0; i < page->len; i++)
    if (!g_array_index (page, Item, i).repeated)
      n++;

  return n;
}

static void
paginate (JhPageRenderer *self)
{
  guint capacity = jh_page_profile_get_lines_per_page (self->profile);
  GArray *page = NULL;
  guint used = 0;
  guint i = 0;

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  build_units (self);

  while (i < self->units->len)
    {
      Unit *unit = &g_array_index (self->units, Unit, i);
      Item item = { i, 0, FALSE };
      int last_break = -1;

      if (page == NULL)
        {
          page = g_array_new (FALSE, FALSE, sizeof (Item));
          used = 0;
        }

      if (unit->page_break_before && page_real_items (page) > 0)
        {
          g_ptr_array_add (self->pages, g_steal_pointer (&page));
          continue;
        }

      /* Empty lines at the head of a page are left out. */
      if (unit->blank && page->len == 0)
        {
          i++;
          continue;
        }

      /* A table that goes on to another page repeats its headings. */
      if (page->len == 0 && unit->header >= 0)
        {
          Item header = { unit->header, 0, TRUE };

          g_array_append_val (page, header);
          used += g_array_index (self->units, Unit, unit->header).height;
        }

      if (used + unit->height <= capacity || page_real_items (page) == 0)
        {
          item.row = used;
          g_array_append_val (page, item);
          used += unit->height;
          i++;
          continue;
        }

      /* The page is full: end it after the last unit a page may end
       * with, and carry what follows to the next page.
       */
      for (guint j = page->len; j > 0; j--)
        {
          Item *placed = &g_array_index (page, Item, j - 1);

          if (!placed->repeated && g_array_index (self->units, Unit, placed->unit).break_after)
            {
              last_break = j - 1;
              break;
            }
        }

      if (last_break >= 0)
        {
          i = g_array_index (page, Item, last_break).unit + 1;
          g_array_set_size (page, last_break + 1);
        }

      g_ptr_array_add (self->pages, g_steal_pointer (&page));
    }

  if (page != NULL && page_real_items (page) > 0)
    g_ptr_array_add (self->pages, g_steal_pointer (&page));
  g_clear_pointer (&page, g_array_unref);

  /* Even an empty document has a page. */
  if (self->pages->len == 0)
    g_ptr_array_add (self->pages, g_array_new (FALSE, FALSE, sizeof (Item)));
}

static void
ensure_paginated (JhPageRenderer *self)
{
  if (self->pages == NULL)
    paginate (self);
}

static guint
get_n_timeline_pages (JhPageRenderer *self)
{
  JhTimelineLayout *timeline = jh_layout_get_timeline (self->layout);

  return timeline != NULL ? jh_timeline_get_n_pages (timeline) : 0;
}

/**
 * jh_page_renderer_new:
 * @layout: a #JhLayout
 *
 * Makes a renderer for @layout with the page and type settings of its
 * profile.  The renderer has fonts and Pango objects of its own, so it
 * may live in another thread than the one that made @layout, but it is
 * used in one thread only.
 *
 * Returns: (transfer full): a new renderer
 */
JhPageRenderer *
jh_page_renderer_new (JhLayout *layout)
{
  JhPageRenderer *self;
  cairo_font_options_t *options;

  g_return_val_if_fail (JH_IS_LAYOUT (layout), NULL);

  self = g_object_new (JH_TYPE_PAGE_RENDERER, NULL);
  self->layout = g_object_ref (layout);
  self->profile = jh_layout_get_profile (layout);

  self->left = jh_page_profile_get_margin_left (self->profile) * POINTS_PER_MM;
  self->top = jh_page_profile_get_margin_top (self->profile) * POINTS_PER_MM;
  self->text_width = jh_page_profile_get_text_width (self->profile) * POINTS_PER_MM;
  self->text_height = jh_page_profile_get_text_height (self->profile) * POINTS_PER_MM;
  self->line_pitch = jh_page_profile_get_line_pitch (self->profile);
  self->char_pitch = jh_page_profile_get_char_pitch (self->profile);

  /* A font map of its own, at 72 dpi so that a point is a unit, with
   * metrics neither hinted nor rounded: the lines break the same way
   * whatever the renderer draws on.
   */
  self->font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (self->font_map), 72);
  self->context = pango_font_map_create_context (self->font_map);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));
  pango_context_set_base_gravity (self->context, PANGO_GRAVITY_SOUTH);

  for (guint i = 0; i < JH_N_TEXT_STYLES; i++)
    choose_font (self, i);

  return self;
}

/**
 * jh_page_renderer_get_layout:
 * @self: a #JhPageRenderer
 *
 * Returns: (transfer none): the layout the renderer sets
 */
JhLayout *
jh_page_renderer_get_layout (JhPageRenderer *self)
{
  g_return_val_if_fail (JH_IS_PAGE_RENDERER (self), NULL);

  return self->layout;
}

/**
 * jh_page_renderer_get_page_width:
 * @self: a #JhPageRenderer
 *
 * Returns: the width of the paper in points
 */
double
jh_page_renderer_get_page_width (JhPageRenderer *self)
{
  g_return_val_if_fail (JH_IS_PAGE_RENDERER (self), 0);

  return jh_page_profile_get_page_width (self->profile) * POINTS_PER_MM;
}

/**
 * jh_page_renderer_get_page_height:
 * @self: a #JhPageRenderer
 *
 * Returns: the height of the paper in points
 */
double
jh_page_renderer_get_page_height (JhPageRenderer *self)
{
  g_return_val_if_fail (JH_IS_PAGE_RENDERER (self), 0);

  return jh_page_profile_get_page_height (self->profile) * POINTS_PER_MM;
}

/**
 * jh_page_renderer_get_n_pages:
 * @self: a #JhPageRenderer
 *
 * Sets the document on pages, the first time it is called.
 *
 * Returns: the number of pages, at least 1
 */
guint
jh_page_renderer_get_n_pages (JhPageRenderer *self)
{
  g_return_val_if_fail (JH_IS_PAGE_RENDERER (self), 0);

  ensure_paginated (self);

  return self->pages->len + get_n_timeline_pages (self);
}

/**
 * jh_page_renderer_get_page_size:
 * @self: a #JhPageRenderer
 * @page: a page, from 0
 * @width: (out) (optional): the width of the paper, in points
 * @height: (out) (optional): its height
 *
 * The size of @page: the profile's paper for the document, landscape A4
 * for the timeline after it.
 *
 * Returns: whether @page is one of the timeline's landscape pages
 */
gboolean
jh_page_renderer_get_page_size (JhPageRenderer *self,
                                guint           page,
                                double         *width,
                                double         *height)
{
  gboolean landscape;

  g_return_val_if_fail (JH_IS_PAGE_RENDERER (self), FALSE);

  ensure_paginated (self);
  landscape = page >= self->pages->len;

  if (width != NULL)
    *width = landscape ? JH_TIMELINE_PAGE_WIDTH : jh_page_renderer_get_page_width (self);
  if (height != NULL)
    *height = landscape ? JH_TIMELINE_PAGE_HEIGHT : jh_page_renderer_get_page_height (self);

  return landscape;
}

/**
 * jh_page_renderer_get_family:
 * @self: a #JhPageRenderer
 * @style: a kind of text
 *
 * The font family @style is set in: the first of the profile's fonts
 * for it that is installed, or else the free font that stands in for
 * it.
 *
 * Returns: (transfer none): the family
 */
const char *
jh_page_renderer_get_family (JhPageRenderer *self,
                             JhTextStyle     style)
{
  g_return_val_if_fail (JH_IS_PAGE_RENDERER (self), NULL);
  g_return_val_if_fail (style < JH_N_TEXT_STYLES, NULL);

  return self->families[style];
}

/* The dashes around a page number are 一字线, a full em each, as the
 * standard draws them.  CJK fonts give U+2014 its proportional (Latin)
 * width unless asked for the full-width form, and the digits between
 * them stay half-width.
 */
static void
set_full_width_dashes (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoAttrList *attributes = pango_layout_get_attributes (layout);
  g_autoptr(PangoAttrList) list = attributes != NULL ? pango_attr_list_copy (attributes) : pango_attr_list_new ();
  gboolean any = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == 0x2014)
      {
        PangoAttribute *attribute = pango_attr_font_features_new ("fwid");

        attribute->start_index = p - text;
        attribute->end_index = g_utf8_next_char (p) - text;
        pango_attr_list_insert (list, attribute);
        any = TRUE;
      }

  if (any)
    pango_layout_set_attributes (layout, list);
}

/* Where a page's number goes; %FALSE if the profile prints none. */
static gboolean
get_page_number (JhPageRenderer  *self,
                 guint            page,
                 PangoLayout    **layout_out,
                 double          *x,
                 double          *baseline)
{
  g_autofree char *text = jh_page_profile_format_page_number (self->profile, page + 1);
  double size = jh_page_profile_get_size (self->profile, JH_TEXT_STYLE_PAGE_NUMBER);
  double indent = jh_page_profile_get_page_number_indent (self->profile) * size;
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  if (text == NULL)
    return FALSE;

  layout = create_layout (self, JH_TEXT_STYLE_PAGE_NUMBER, text, JH_BLOCK_ALIGNMENT_START, -1, 0);
  set_full_width_dashes (layout);
  pango_layout_get_extents (layout, NULL, &logical);

  /* Odd pages (the front of a sheet) at the right, even pages at the
   * left, one character in.
   */
  if (jh_page_profile_get_page_number_position (self->profile) == JH_PAGE_NUMBER_POSITION_CENTER)
    *x = self->left + (self->text_width - (double) logical.width / PANGO_SCALE) / 2;
  else if (page % 2 == 0)
    *x = self->left + self->text_width - indent - (double) logical.width / PANGO_SCALE;
  else
    *x = self->left + indent;

  /* The dashes' line, the middle of the em box, lies the profile's
   * distance (7 mm) below the text block.
   */
  *baseline = self->top + self->text_height +
              jh_page_profile_get_page_number_distance (self->profile) * POINTS_PER_MM +
              (EM_BOX_ASCENT - 0.5) * size;
  *layout_out = g_steal_pointer (&layout);

  return TRUE;
}

/**
 * jh_page_renderer_draw_page:
 * @self: a #JhPageRenderer
 * @cr: a Cairo context whose units are points, its origin the top left
 *   corner of the paper
 * @page: the page to draw, from 0
 *
 * Draws a page in black, or a page of the timeline in its colours on a
 * landscape page (see jh_page_renderer_get_page_size()).  The state of @cr is left as it was.
 */
void
jh_page_renderer_draw_page (JhPageRenderer *self,
                            cairo_t        *cr,
                            guint           page)
{
  g_autoptr(PangoLayout) number = NULL;
  GArray *items;
  double x, baseline;

  g_return_if_fail (JH_IS_PAGE_RENDERER (self));
  g_return_if_fail (cr != NULL);

  ensure_paginated (self);
  g_return_if_fail (page < self->pages->len + get_n_timeline_pages (self));

  if (page >= self->pages->len)
    {
      jh_timeline_draw_page (jh_layout_get_timeline (self->layout), cr,
                             jh_layout_get_timeline_title (self->layout),
                             page - self->pages->len);
      return;
    }

  items = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      Unit *unit = &g_array_index (self->units, Unit, item->unit);
      double row_top = self->top + item->row * self->line_pitch;

      if (unit->blank)
        continue;

      if (unit->table_row == NULL)
        {
          cairo_move_to (cr, self->left + unit->x, row_top + baseline_offset (self, unit->style));
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (unit->layout, unit->line_index));
          continue;
        }

      for (guint c = 0; c < unit->table_row->n_cells; c++)
        {
          Cell *cell = &unit->table_row->cells[c];
          double padding = CELL_PADDING * self->char_pitch;
          PangoLayoutIter *iter = pango_layout_get_iter (cell->layout);
          double cell_top = row_top + cell_offset (self, unit, cell);
          guint line = 0;

          do
            {
              PangoRectangle logical;

              pango_layout_iter_get_line_extents (iter, NULL, &logical);
              cairo_move_to (cr, self->left + cell->x + padding + (double) logical.x / PANGO_SCALE,
                             cell_top + line * self->line_pitch + baseline_offset (self, cell->style));
              pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
              line++;
            }
          while (pango_layout_iter_next_line (iter));
          pango_layout_iter_free (iter);

          cairo_rectangle (cr, self->left + cell->x, row_top, cell->width, unit->height * self->line_pitch);
        }

      cairo_set_line_width (cr, 0.75);
      cairo_stroke (cr);
    }

  if (get_page_number (self, page, &number, &x, &baseline))
    {
      cairo_move_to (cr, x, baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (number, 0));
    }

  cairo_restore (cr);
}

static JhPageLine *
page_line_new (guint        page,
               guint        row,
               int          block,
               JhTextStyle  style,
               PangoLayout *layout,
               PangoLayoutLine *line,
               double       x,
               double       baseline)
{
  JhPageLine *page_line = g_new0 (JhPageLine, 1);
  PangoRectangle logical;

  pango_layout_line_get_extents (line, NULL, &logical);
  page_line->page = page;
  page_line->row = row;
  page_line->block = block;
  page_line->style = style;
  page_line->text = g_strndup (pango_layout_get_text (layout) + line->start_index, line->length);
  page_line->x = x;
  page_line->baseline = baseline;
  page_line->width = (double) logical.width / PANGO_SCALE;

  return page_line;
}

/**
 * jh_page_renderer_dup_lines:
 * @self: a #JhPageRenderer
 * @page: a page, from 0
 *
 * The lines of text on @page, in the order they are drawn (a table's
 * cells row by row), and its page number last.
 *
 * Returns: (transfer full) (element-type JhPageLine): the lines
 */
GPtrArray *
jh_page_renderer_dup_lines (JhPageRenderer *self,
                            guint           page)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) jh_page_line_free);
  g_autoptr(PangoLayout) number = NULL;
  GArray *items;
  double x, baseline;

  g_return_val_if_fail (JH_IS_PAGE_RENDERER (self), NULL);

  ensure_paginated (self);
  g_return_val_if_fail (page < self->pages->len + get_n_timeline_pages (self), NULL);

  /* The timeline's pages are a drawing, not lines of the grid. */
  if (page >= self->pages->len)
    return g_steal_pointer (&lines);

  items = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      Unit *unit = &g_array_index (self->units, Unit, item->unit);
      double row_top = self->top + item->row * self->line_pitch;

      if (unit->blank)
        continue;

      if (unit->table_row == NULL)
        {
          g_ptr_array_add (lines, page_line_new (page, item->row, unit->block, unit->style, unit->layout,
                                                 pango_layout_get_line_readonly (unit->layout, unit->line_index),
                                                 self->left + unit->x,
                                                 row_top + baseline_offset (self, unit->style)));
          continue;
        }

      for (guint c = 0; c < unit->table_row->n_cells; c++)
        {
          Cell *cell = &unit->table_row->cells[c];
          PangoLayoutIter *iter = pango_layout_get_iter (cell->layout);
          double cell_top = row_top + cell_offset (self, unit, cell);
          guint line = 0;

          do
            {
              PangoRectangle logical;

              pango_layout_iter_get_line_extents (iter, NULL, &logical);
              g_ptr_array_add (lines, page_line_new (page, item->row + line, unit->block, cell->style,
                                                     cell->layout, pango_layout_iter_get_line_readonly (iter),
                                                     self->left + cell->x + CELL_PADDING * self->char_pitch +
                                                     (double) logical.x / PANGO_SCALE,
                                                     cell_top + line * self->line_pitch +
                                                     baseline_offset (self, cell->style)));
              line++;
            }
          while (pango_layout_iter_next_line (iter));
          pango_layout_iter_free (iter);
        }
    }

  if (get_page_number (self, page, &number, &x, &baseline))
    g_ptr_array_add (lines, page_line_new (page, jh_page_profile_get_lines_per_page (self->profile), -1,
                                           JH_TEXT_STYLE_PAGE_NUMBER, number,
                                           pango_layout_get_line_readonly (number, 0), x, baseline));

  return g_steal_pointer (&lines);
}
