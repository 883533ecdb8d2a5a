/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "jh-timeline-render.h"
#include "jh-xml-private.h"

/**
 * SECTION:jh-timeline-render
 *
 * The quarterly timeline drawn with Cairo, for files: a PNG or SVG to
 * paste into a report, a PDF to print and file.  It draws the same
 * #JhTimelineLayout as the timeline widget, in the colours of paper
 * rather than of the desktop's style.
 *
 * What it writes is part of the document, so its words are Chinese
 * whatever the user interface's language, as the plan's are.
 */

/* PNG and SVG, in pixels. */
#define IMAGE_LABEL_WIDTH 420.0
#define IMAGE_FONT_SIZE   13.0
#define IMAGE_ROW_HEIGHT  28.0
#define IMAGE_MARGIN      24.0

/* PDF: A4 landscape, in points. */
#define PAGE_WIDTH        JH_TIMELINE_PAGE_WIDTH
#define PAGE_HEIGHT       JH_TIMELINE_PAGE_HEIGHT
#define PAGE_MARGIN       32.0
#define PAGE_LABEL_WIDTH  215.0
#define PAGE_FONT_SIZE    8.0
#define PAGE_ROW_HEIGHT   16.0

#define FALLBACK_FAMILY "Sans"
#define PREFERRED_FAMILY "Noto Sans CJK SC"

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} Colour;

/* GNOME's palette, as the desktop draws it in the light style. */
static const Colour text_colour = { 0.14, 0.12, 0.19, 1.0 };
static const Colour accent = { 0.208, 0.518, 0.894, 1.0 };
static const Colour accent_dark = { 0.110, 0.443, 0.847, 1.0 };
static const Colour header_colour = { 0.965, 0.961, 0.957, 1.0 };

/* A text drawn, for the SVG's text layer. */
typedef struct
{
  double  x;
  double  y;
  double  size;
  char   *text;
} TextRun;

typedef struct
{
  cairo_t          *cr;
  JhTimelineLayout *layout;
  PangoLayout      *pango;
  const char       *family;
  double            label_width;
  double            font_size;
  double            band_height;
  double            header_height;
  double            footer_height;
  GArray           *text_runs;
} Render;

static void
text_run_clear (gpointer data)
{
  TextRun *run = data;

  g_free (run->text);
}

/* Cairo draws glyphs, not text; Noto Sans CJK SC is what Debian's
 * fonts-noto-cjk installs, and where it is missing fontconfig's sans is
 * as good a guess as any.
 */
static const char *
get_font_family (void)
{
  static gsize family = 0;

  if (g_once_init_enter (&family))
    {
      const char *found = FALLBACK_FAMILY;
      FcPattern *pattern = FcNameParse ((const FcChar8 *) PREFERRED_FAMILY);
      FcPattern *match;
      FcResult result;

      FcConfigSubstitute (NULL, pattern, FcMatchPattern);
      FcDefaultSubstitute (pattern);
      match = FcFontMatch (NULL, pattern, &result);
      if (match != NULL)
        {
          FcChar8 *name = NULL;

          if (FcPatternGetString (match, FC_FAMILY, 0, &name) == FcResultMatch &&
              g_ascii_strcasecmp ((const char *) name, PREFERRED_FAMILY) == 0)
            found = PREFERRED_FAMILY;
          FcPatternDestroy (match);
        }
      FcPatternDestroy (pattern);

      g_once_init_leave (&family, (gsize) found);
    }

  return (const char *) family;
}

static void
set_colour (cairo_t      *cr,
            const Colour *colour,
            double        alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius_left,
                   double   radius_right)
{
  radius_left = MIN (radius_left, MIN (width, height) / 2);
  radius_right = MIN (radius_right, MIN (width, height) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius_right, y + radius_right, radius_right, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius_right, y + height - radius_right, radius_right, 0, G_PI / 2);
  cairo_arc (cr, x + radius_left, y + height - radius_left, radius_left, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius_left, y + radius_left, radius_left, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Draws @text in a box, centred on the box's height; returns the width
 * it took.
 */
static double
draw_text (Render         *r,
           const char     *text,
           double          x,
           double          y,
           double          width,
           double          height,
           double          scale,
           PangoWeight     weight,
           PangoAlignment  alignment,
           const Colour   *colour,
           double          alpha)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  PangoRectangle logical;
  double top;

  if (text == NULL || *text == '\0' || width <= 0)
    return 0;

  pango_font_description_set_family (font, r->family);
  pango_font_description_set_absolute_size (font, r->font_size * scale * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (r->pango, font);
  pango_layout_set_text (r->pango, text, -1);
  pango_layout_set_width (r->pango, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (r->pango, alignment);
  pango_layout_set_ellipsize (r->pango, PANGO_ELLIPSIZE_END);
  pango_layout_get_extents (r->pango, NULL, &logical);

  top = y + (height - (double) logical.height / PANGO_SCALE) / 2;

  cairo_save (r->cr);
  set_colour (r->cr, colour, alpha);
  cairo_move_to (r->cr, x, top);
  pango_cairo_show_layout (r->cr, r->pango);
  cairo_restore (r->cr);

  if (r->text_runs != NULL)
    {
      TextRun run;
      double run_x = x + (double) logical.x / PANGO_SCALE;
      double run_y = top + (double) pango_layout_get_baseline (r->pango) / PANGO_SCALE;

      cairo_user_to_device (r->cr, &run_x, &run_y);
      run.x = run_x;
      run.y = run_y;
      run.size = r->font_size * scale;
      run.text = g_strdup (text);
      g_array_append_val (r->text_runs, run);
    }

  return (double) logical.width / PANGO_SCALE;
}

static double
measure_text (Render      *r,
              const char  *text,
              double       scale)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  PangoRectangle logical;

  pango_font_description_set_family (font, r->family);
  pango_font_description_set_absolute_size (font, r->font_size * scale * PANGO_SCALE);
  pango_layout_set_font_description (r->pango, font);
  pango_layout_set_width (r->pango, -1);
  pango_layout_set_text (r->pango, text, -1);
  pango_layout_get_extents (r->pango, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

/* A hairline from (@x1, @y1) to (@x2, @y2), across or down: on the pixel
 * grid, so that a 1px line is one pixel wide.
 */
static void
grid_line (cairo_t      *cr,
           double        x1,
           double        y1,
           double        x2,
           double        y2,
           const Colour *colour,
           double        alpha)
{
  if (x1 == x2)
    x1 = x2 = floor (x1) + 0.5;
  else
    y1 = y2 = floor (y1) + 0.5;

  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  set_colour (cr, colour, alpha);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
vertical_line (cairo_t      *cr,
               double        x,
               double        y1,
               double        y2,
               const Colour *colour,
               double        alpha)
{
  grid_line (cr, x, y1, x, y2, colour, alpha);
}

static void
horizontal_line (cairo_t      *cr,
                 double        x1,
                 double        x2,
                 double        y,
                 const Colour *colour,
                 double        alpha)
{
  grid_line (cr, x1, y, x2, y, colour, alpha);
}

typedef enum
{
  LABEL_FULL,
  LABEL_SHORT,
  LABEL_NONE,
} LabelChoice;

/* A band reads alike from end to end: when one 旬 of eight days is too
 * narrow for 下旬, all say 上, 中, 下.
 */
static LabelChoice
choose_labels (Render         *r,
               JhTimelineUnit  unit,
               double          scale)
{
  gboolean full_fits = TRUE, short_fits = TRUE;

  for (guint i = 0; i < jh_timeline_layout_get_n_cells (r->layout, unit); i++)
    {
      const JhTimelineCell *cell = jh_timeline_layout_get_cell (r->layout, unit, i);
      double room = cell->x2 - cell->x1 - 4;

      full_fits = full_fits && measure_text (r, cell->label, scale) <= room;
      short_fits = short_fits && measure_text (r, cell->short_label, scale) <= room;
    }

  return full_fits ? LABEL_FULL : short_fits ? LABEL_SHORT : LABEL_NONE;
}

static void
draw_header (Render *r)
{
  JhTimelineLayout *layout = r->layout;
  double chart_width = jh_timeline_layout_get_width (layout);
  cairo_t *cr = r->cr;

  set_colour (cr, &header_colour, 1);
  cairo_rectangle (cr, 0, 0, r->label_width + chart_width, r->header_height);
  cairo_fill (cr);

  for (JhTimelineUnit unit = JH_TIMELINE_UNIT_QUARTER; unit <= JH_TIMELINE_UNIT_XUN; unit++)
    {
      double y = unit * r->band_height;
      double scale = unit == JH_TIMELINE_UNIT_XUN ? 0.85 : 1.0;
      PangoWeight weight = unit == JH_TIMELINE_UNIT_QUARTER ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;

      LabelChoice choice = choose_labels (r, unit, scale);

      for (guint i = 0; i < jh_timeline_layout_get_n_cells (layout, unit); i++)
        {
          const JhTimelineCell *cell = jh_timeline_layout_get_cell (layout, unit, i);
          double cell_width = cell->x2 - cell->x1;

          if (choice != LABEL_NONE)
            draw_text (r, choice == LABEL_FULL ? cell->label : cell->short_label,
                       r->label_width + cell->x1, y, cell_width, r->band_height,
                       scale, weight, PANGO_ALIGN_CENTER, &text_colour,
                       unit == JH_TIMELINE_UNIT_XUN ? 0.6 : 1.0);

          if (cell->x1 > 0)
            vertical_line (cr, r->label_width + cell->x1, y, r->header_height, &text_colour,
                           unit == JH_TIMELINE_UNIT_QUARTER ? 0.35 : unit == JH_TIMELINE_UNIT_MONTH ? 0.2 : 0.1);
        }

      if (unit > JH_TIMELINE_UNIT_QUARTER)
        horizontal_line (cr, r->label_width, r->label_width + chart_width, y, &text_colour, 0.12);
    }

  {
    g_autofree char *span = jh_timeline_layout_dup_span_label (layout);

    draw_text (r, span, 8, 0, r->label_width - 16, r->band_height,
               1.0, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, &text_colour, 1.0);
  }
  draw_text (r, "工作任务", 8, 2 * r->band_height, r->label_width - 16, r->band_height,
             0.85, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, &text_colour, 0.6);
}

static void
draw_grid (Render *r,
           double  top,
           double  bottom)
{
  JhTimelineLayout *layout = r->layout;

  for (JhTimelineUnit unit = JH_TIMELINE_UNIT_QUARTER; unit <= JH_TIMELINE_UNIT_XUN; unit++)
    for (guint i = 0; i < jh_timeline_layout_get_n_cells (layout, unit); i++)
      {
        const JhTimelineCell *cell = jh_timeline_layout_get_cell (layout, unit, i);

        if (!jh_timeline_cell_draws_line (cell))
          continue;

        vertical_line (r->cr, r->label_width + cell->x1, top, bottom, &text_colour,
                       unit == JH_TIMELINE_UNIT_QUARTER ? 0.3 : unit == JH_TIMELINE_UNIT_MONTH ? 0.14 : 0.05);
      }
}

static void
draw_mark (Render               *r,
           const JhTimelineMark *mark,
           double                y,
           double                height)
{
  cairo_t *cr = r->cr;
  double x1 = r->label_width + mark->x1;
  double x2 = r->label_width + mark->x2;
  double inset = height * 0.22;
  double top = y + inset;
  double bar_height = height - 2 * inset;

  switch (mark->kind)
    {
    case JH_TIMELINE_MARK_BAR:
      {
        double radius = bar_height * 0.25;

        /* Occurrences of a recurring activity touch each other; a gap
         * keeps them apart, so that 每月 reads as twelve.
         */
        if (mark->recurring)
          {
            x1 += MIN (1.5, (x2 - x1) / 6);
            x2 -= MIN (1.5, (x2 - x1) / 6);
          }

        rounded_rectangle (cr, x1, top, MAX (x2 - x1, 1), bar_height,
                           mark->clipped_start ? 0 : radius, mark->clipped_end ? 0 : radius);
        set_colour (cr, &accent, jh_timeline_mark_is_light (mark) ? 0.45 : 1.0);
        cairo_fill_preserve (cr);
        if (!mark->editable && !mark->recurring)
          {
            set_colour (cr, &accent_dark, 1.0);
            cairo_set_line_width (cr, 1);
            cairo_stroke (cr);
          }
        cairo_new_path (cr);
      }
      break;

    case JH_TIMELINE_MARK_DAY:
      {
        double cx = (x1 + x2) / 2;
        double cy = y + height / 2;
        double half = bar_height * 0.6;

        cairo_move_to (cr, cx, cy - half);
        cairo_line_to (cr, cx + half, cy);
        cairo_line_to (cr, cx, cy + half);
        cairo_line_to (cr, cx - half, cy);
        cairo_close_path (cr);
        set_colour (cr, &accent_dark, mark->editable ? 1.0 : 0.6);
        cairo_fill (cr);
      }
      break;

    case JH_TIMELINE_MARK_DEADLINE:
      {
        cairo_pattern_t *fade = cairo_pattern_create_linear (x1, 0, x2, 0);
        double post = MAX (2.0, bar_height * 0.22);

        /* Work leading up to a due date, with no start given. */
        cairo_pattern_add_color_stop_rgba (fade, 0, accent.red, accent.green, accent.blue, 0);
        cairo_pattern_add_color_stop_rgba (fade, 1, accent.red, accent.green, accent.blue, 0.7);
        cairo_rectangle (cr, x1, top, x2 - x1, bar_height);
        cairo_set_source (cr, fade);
        cairo_fill (cr);
        cairo_pattern_destroy (fade);

        /* The due date: a post with an arrowhead pointing at it. */
        cairo_rectangle (cr, x2 - post, top - inset * 0.5, post, bar_height + inset);
        set_colour (cr, &accent_dark, 1.0);
        cairo_fill (cr);
        cairo_move_to (cr, x2 - post, y + height / 2 - bar_height * 0.45);
        cairo_line_to (cr, x2 - post - bar_height * 0.5, y + height / 2);
        cairo_line_to (cr, x2 - post, y + height / 2 + bar_height * 0.45);
        cairo_close_path (cr);
        cairo_fill (cr);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
draw_row_when (Render              *r,
               const JhTimelineRow *row,
               double               y)
{
  const char *when = row->when;
  double chart_width = jh_timeline_layout_get_width (r->layout);
  double first_x = chart_width, last_x = 0, width, x;
  double gap = r->font_size * 0.5;

  if (*when == '\0' || row->n_marks == 0)
    return;

  for (guint i = row->first_mark; i < row->first_mark + row->n_marks; i++)
    {
      const JhTimelineMark *mark = jh_timeline_layout_get_mark (r->layout, i);
      double x1 = mark->x1, x2 = mark->x2;

      jh_timeline_mark_widen_day (mark, row->height, &x1, &x2);
      first_x = MIN (first_x, x1);
      last_x = MAX (last_x, x2);
    }

  width = measure_text (r, when, 0.85);
  if (jh_timeline_place_beside (first_x, last_x, width, gap, chart_width, &x))
    draw_text (r, when, r->label_width + x, y, width + 1, row->height,
               0.85, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, &text_colour, 0.7);
}

static void
draw_rows (Render *r,
           guint   first_row,
           guint   n_rows)
{
  JhTimelineLayout *layout = r->layout;
  double chart_width = jh_timeline_layout_get_width (layout);
  double row_height = jh_timeline_layout_get_row_height (layout);
  cairo_t *cr = r->cr;
  double top = r->header_height;

  for (guint i = 0; i < n_rows; i++)
    {
      const JhTimelineRow *row = jh_timeline_layout_get_row (layout, first_row + i);
      double y = top + i * row_height;

      if (row->kind != JH_TIMELINE_ROW_TASK)
        {
          g_autofree char *heading = NULL;

          if (row->kind == JH_TIMELINE_ROW_UNSCHEDULED)
            heading = g_strdup_printf ("未定时间的任务（%u）",
                                       jh_timeline_layout_get_n_rows (layout) - first_row - i - 1);
          else
            heading = g_strconcat (row->numbering, row->label, NULL);

          set_colour (cr, &header_colour, 1);
          cairo_rectangle (cr, 0, y, r->label_width + chart_width, row_height);
          cairo_fill (cr);
          draw_text (r, heading, 8, y, r->label_width + chart_width - 16, row_height,
                     1.0, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, &text_colour, 0.75);
          continue;
        }

      if (row->depth == 0)
        {
          set_colour (cr, &text_colour, 0.035);
          cairo_rectangle (cr, 0, y, r->label_width + chart_width, row_height);
          cairo_fill (cr);
          if (i > 0)
            horizontal_line (cr, 0, r->label_width + chart_width, y, &text_colour, 0.1);
        }
    }

  draw_grid (r, top, top + n_rows * row_height);

  for (guint i = 0; i < n_rows; i++)
    {
      const JhTimelineRow *row = jh_timeline_layout_get_row (layout, first_row + i);
      double y = top + i * row_height;
      double indent = 8 + row->depth * r->font_size * 1.2;
      g_autofree char *label = NULL;

      if (row->kind != JH_TIMELINE_ROW_TASK)
        continue;

      label = g_strconcat (row->numbering, row->label, NULL);
      draw_text (r, label, indent, y, r->label_width - indent - 8, row_height,
                 1.0, row->depth == 0 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                 PANGO_ALIGN_LEFT, &text_colour, row->unscheduled ? 0.7 : 1.0);

      for (guint j = row->first_mark; j < row->first_mark + row->n_marks; j++)
        draw_mark (r, jh_timeline_layout_get_mark (layout, j), y, row_height);
      draw_row_when (r, row, y);
    }
}

static void
draw_footer (Render *r,
             double  top)
{
  JhTimelineLayout *layout = r->layout;
  double chart_width = jh_timeline_layout_get_width (layout);
  guint max_workload = jh_timeline_layout_get_max_workload (layout);
  double number_height = r->font_size * 1.5;
  double bar_space = r->footer_height - number_height - r->font_size * 0.6;
  cairo_t *cr = r->cr;

  set_colour (cr, &header_colour, 1);
  cairo_rectangle (cr, 0, top, r->label_width + chart_width, r->footer_height);
  cairo_fill (cr);

  draw_text (r, "每月活动数", 8, top, r->label_width - 16, r->footer_height,
             0.9, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, &text_colour, 0.75);

  for (guint i = 0; i < jh_timeline_layout_get_n_cells (layout, JH_TIMELINE_UNIT_MONTH); i++)
    {
      const JhTimelineCell *cell = jh_timeline_layout_get_cell (layout, JH_TIMELINE_UNIT_MONTH, i);
      guint count = jh_timeline_layout_get_workload (layout, cell->number);
      double cell_width = cell->x2 - cell->x1;
      double bar_width = MIN (cell_width * 0.5, r->font_size * 3);
      double bar_height = max_workload > 0 ? bar_space * count / max_workload : 0;
      double bottom = top + r->footer_height - r->font_size * 0.3;
      char number[16];

      if (cell->x1 > 0)
        vertical_line (cr, r->label_width + cell->x1, top, top + r->footer_height, &text_colour, 0.12);

      if (bar_height > 0)
        {
          rounded_rectangle (cr, r->label_width + cell->x1 + (cell_width - bar_width) / 2,
                             bottom - bar_height, bar_width, bar_height, 2, 2);
          set_colour (cr, &accent, count == max_workload ? 0.8 : 0.4);
          cairo_fill (cr);
        }

      g_snprintf (number, sizeof number, "%u", count);
      draw_text (r, number, r->label_width + cell->x1, bottom - bar_height - number_height,
                 cell_width, number_height, 0.85, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER,
                 &text_colour, 0.8);
    }
}

static void
render (Render *r,
        guint   first_row,
        guint   n_rows)
{
  double chart_width = jh_timeline_layout_get_width (r->layout);
  double rows_height = n_rows * jh_timeline_layout_get_row_height (r->layout);
  double total_height = r->header_height + rows_height + r->footer_height;

  cairo_save (r->cr);

  draw_header (r);
  draw_rows (r, first_row, n_rows);
  draw_footer (r, r->header_height + rows_height);

  /* The frame: under the header, over the strip, right of the names. */
  horizontal_line (r->cr, 0, r->label_width + chart_width, r->header_height, &text_colour, 0.35);
  horizontal_line (r->cr, 0, r->label_width + chart_width, r->header_height + rows_height, &text_colour, 0.35);
  vertical_line (r->cr, r->label_width, 0, total_height, &text_colour, 0.35);
  cairo_rectangle (r->cr, 0.5, 0.5, r->label_width + chart_width - 1, total_height - 1);
  set_colour (r->cr, &text_colour, 0.35);
  cairo_set_line_width (r->cr, 1);
  cairo_stroke (r->cr);

  cairo_restore (r->cr);
}

static void
render_init (Render           *r,
             JhTimelineLayout *layout,
             cairo_t          *cr,
             double            label_width,
             double            font_size)
{
  r->cr = cr;
  r->layout = layout;
  r->pango = pango_cairo_create_layout (cr);

  /* The plan is Chinese: its text takes the glyphs of simplified
   * Chinese wherever a font has several.
   */
  pango_context_set_language (pango_layout_get_context (r->pango), pango_language_from_string ("zh-cn"));
  pango_layout_context_changed (r->pango);
  r->family = get_font_family ();
  r->label_width = label_width;
  r->font_size = font_size;
  r->band_height = round (font_size * 1.9);
  r->header_height = 3 * r->band_height;
  r->footer_height = round (font_size * 4.5);
  r->text_runs = NULL;
}

static void
render_clear (Render *r)
{
  g_clear_object (&r->pango);
}

/**
 * jh_timeline_render:
 * @layout: the layout to draw
 * @cr: where to draw it, its top left corner at the origin
 * @label_width: the width of the column of task names, left of the time
 *   axis
 * @font_size: the size of the text, in the units of @cr
 * @first_row: the first row to draw
 * @n_rows: how many rows to draw, from @first_row on
 *
 * Draws the header of quarters, months and 旬, the rows, and the
 * workload strip under them, in @label_width plus the layout's width,
 * and jh_timeline_render_get_height() high.  A PDF page draws some of
 * the rows; an image draws them all.
 */
void
jh_timeline_render (JhTimelineLayout *layout,
                    cairo_t          *cr,
                    double            label_width,
                    double            font_size,
                    guint             first_row,
                    guint             n_rows)
{
  Render r;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (first_row + n_rows <= jh_timeline_layout_get_n_rows (layout));

  render_init (&r, layout, cr, label_width, font_size);
  render (&r, first_row, n_rows);
  render_clear (&r);
}

/**
 * jh_timeline_render_get_height:
 * @layout: a layout
 * @font_size: the size of the text
 * @n_rows: how many rows
 *
 * Returns: how high jh_timeline_render() draws @n_rows rows
 */
double
jh_timeline_render_get_height (JhTimelineLayout *layout,
                               double            font_size,
                               guint             n_rows)
{
  g_return_val_if_fail (layout != NULL, 0);

  return 3 * round (font_size * 1.9) +
         n_rows * jh_timeline_layout_get_row_height (layout) +
         round (font_size * 4.5);
}

/* Exports */

static double
get_title_height (double font_size)
{
  return round (font_size * 3.6);
}

static void
draw_title (Render     *r,
            const char *title,
            double      width)
{
  draw_text (r, title, 0, 0, width, get_title_height (r->font_size) - r->font_size,
             1.45, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, &text_colour, 1.0);
}

static JhTimelineLayout *
new_image_layout (JhSchedule *schedule)
{
  return jh_timeline_layout_new (schedule, JH_TIMELINE_ZOOM_YEAR, 1,
                                 JH_TIMELINE_IMAGE_WIDTH - 2 * IMAGE_MARGIN - IMAGE_LABEL_WIDTH,
                                 IMAGE_ROW_HEIGHT);
}

static int
get_image_height (JhTimelineLayout *layout)
{
  return (int) ceil (2 * IMAGE_MARGIN + get_title_height (IMAGE_FONT_SIZE) +
                     jh_timeline_render_get_height (layout, IMAGE_FONT_SIZE,
                                                    jh_timeline_layout_get_n_rows (layout)));
}

/**
 * jh_timeline_get_image_size:
 * @schedule: a schedule
 * @width: (out) (optional): the width of its PNG, in pixels
 * @height: (out) (optional): its height: as many rows as it has tasks
 */
void
jh_timeline_get_image_size (JhSchedule *schedule,
                            int        *width,
                            int        *height)
{
  g_autoptr(JhTimelineLayout) layout = NULL;

  g_return_if_fail (JH_IS_SCHEDULE (schedule));

  layout = new_image_layout (schedule);
  if (width != NULL)
    *width = JH_TIMELINE_IMAGE_WIDTH;
  if (height != NULL)
    *height = get_image_height (layout);
}

/* Draws the plan's title and the whole timeline on an image. */
static void
render_image (JhTimelineLayout *layout,
              const char       *title,
              cairo_t          *cr,
              GArray           *text_runs)
{
  Render r;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  cairo_translate (cr, IMAGE_MARGIN, IMAGE_MARGIN);
  render_init (&r, layout, cr, IMAGE_LABEL_WIDTH, IMAGE_FONT_SIZE);
  r.text_runs = text_runs;
  draw_title (&r, title, JH_TIMELINE_IMAGE_WIDTH - 2 * IMAGE_MARGIN);
  cairo_translate (cr, 0, get_title_height (IMAGE_FONT_SIZE));
  render (&r, 0, jh_timeline_layout_get_n_rows (layout));
  render_clear (&r);
}

static cairo_status_t
write_to_byte_array_cb (void                *closure,
                        const unsigned char *data,
                        unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not draw the timeline: %s"), cairo_status_to_string (status));
  return FALSE;
}

static GBytes *
export_png (JhTimelineLayout  *layout,
            const char        *title,
            GError           **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, JH_TIMELINE_IMAGE_WIDTH,
                                        get_image_height (layout));
  cr = cairo_create (surface);
  render_image (layout, title, cr, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_to_byte_array_cb, bytes);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Cairo writes glyphs as outlines, which look the same everywhere but
 * are not text: a layer of transparent text over them, where they are,
 * lets the labels be found, selected and read out.
 */
static void
append_text_layer (GByteArray *svg,
                   GArray     *text_runs,
                   const char *family)
{
  static const char end_tag[] = "</svg>";
  g_autoptr(GString) layer = g_string_new ("<g id=\"text\" fill=\"#000000\" fill-opacity=\"0\"");
  g_autofree char *escaped_family = g_markup_escape_text (family, -1);
  guint8 *end = NULL;
  gsize at, tail;

  g_string_append_printf (layer, " font-family=\"%s\">\n", escaped_family);
  for (guint i = 0; i < text_runs->len; i++)
    {
      TextRun *run = &g_array_index (text_runs, TextRun, i);
      g_autofree char *escaped = g_markup_escape_text (run->text, -1);
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE], size[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (layer, "<text x=\"%s\" y=\"%s\" font-size=\"%s\">%s</text>\n",
                              g_ascii_formatd (x, sizeof x, "%.2f", run->x),
                              g_ascii_formatd (y, sizeof y, "%.2f", run->y),
                              g_ascii_formatd (size, sizeof size, "%.2f", run->size),
                              escaped);
    }
  g_string_append (layer, "</g>\n");

  for (guint i = svg->len; i >= sizeof end_tag - 1 && end == NULL; i--)
    if (memcmp (svg->data + i - (sizeof end_tag - 1), end_tag, sizeof end_tag - 1) == 0)
      end = svg->data + i - (sizeof end_tag - 1);

  g_assert (end != NULL);
  at = end - svg->data;
  tail = svg->len - at;
  g_byte_array_set_size (svg, svg->len + layer->len);
  memmove (svg->data + at + layer->len, svg->data + at, tail);
  memcpy (svg->data + at, layer->str, layer->len);
}

static GBytes *
export_svg (JhTimelineLayout  *layout,
            const char        *title,
            GError           **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GArray) text_runs = g_array_new (FALSE, TRUE, sizeof (TextRun));
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_array_set_clear_func (text_runs, text_run_clear);

  surface = cairo_svg_surface_create_for_stream (write_to_byte_array_cb, bytes,
                                                 JH_TIMELINE_IMAGE_WIDTH, get_image_height (layout));
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  render_image (layout, title, cr, text_runs);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return NULL;

  append_text_layer (bytes, text_runs, get_font_family ());

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Each page repeats the header and the workload strip, so that any
 * page read alone says which month is which.
 */
static guint
get_rows_per_page (JhTimelineLayout *layout)
{
  double title_height = get_title_height (PAGE_FONT_SIZE);
  double chrome_height = jh_timeline_render_get_height (layout, PAGE_FONT_SIZE, 0);

  return (guint) floor ((PAGE_HEIGHT - 2 * PAGE_MARGIN - title_height - chrome_height) /
                        PAGE_ROW_HEIGHT);
}

/**
 * jh_timeline_page_layout_new:
 * @schedule: a schedule
 *
 * Lays the whole plan year out for A4 landscape pages
 * (%JH_TIMELINE_PAGE_WIDTH by %JH_TIMELINE_PAGE_HEIGHT points), as the
 * timeline's PDF and the document's appendix draw it.
 *
 * Returns: (transfer full): the layout
 */
JhTimelineLayout *
jh_timeline_page_layout_new (JhSchedule *schedule)
{
  g_return_val_if_fail (JH_IS_SCHEDULE (schedule), NULL);

  return jh_timeline_layout_new (schedule, JH_TIMELINE_ZOOM_YEAR, 1,
                                 PAGE_WIDTH - 2 * PAGE_MARGIN - PAGE_LABEL_WIDTH,
                                 PAGE_ROW_HEIGHT);
}

/**
 * jh_timeline_get_n_pages:
 * @layout: a layout from jh_timeline_page_layout_new()
 *
 * Returns: how many A4 landscape pages its rows take, at least 1
 */
guint
jh_timeline_get_n_pages (JhTimelineLayout *layout)
{
  guint rows_per_page, n_rows;

  g_return_val_if_fail (layout != NULL, 0);

  n_rows = jh_timeline_layout_get_n_rows (layout);
  rows_per_page = MAX (1, get_rows_per_page (layout));

  return MAX (1, (n_rows + rows_per_page - 1) / rows_per_page);
}

/**
 * jh_timeline_draw_page:
 * @layout: a layout from jh_timeline_page_layout_new()
 * @cr: a Cairo context whose units are points, its origin the top left
 *   corner of a landscape A4 page
 * @title: the title over the rows
 * @page: the page, from 0, less than jh_timeline_get_n_pages()
 *
 * Draws a page of the timeline: the title, the header, some of the
 * rows, and the page's number among the timeline's pages when there
 * are several.  The state of @cr is left as it was.
 */
void
jh_timeline_draw_page (JhTimelineLayout *layout,
                       cairo_t          *cr,
                       const char       *title,
                       guint             page)
{
  guint rows_per_page, n_rows, n_pages, first_row, page_rows;
  Render r;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (title != NULL);

  n_pages = jh_timeline_get_n_pages (layout);
  g_return_if_fail (page < n_pages);

  n_rows = jh_timeline_layout_get_n_rows (layout);
  rows_per_page = MAX (1, get_rows_per_page (layout));
  first_row = page * rows_per_page;
  page_rows = MIN (rows_per_page, n_rows - first_row);

  cairo_save (cr);
  cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);
  render_init (&r, layout, cr, PAGE_LABEL_WIDTH, PAGE_FONT_SIZE);
  draw_title (&r, title, PAGE_WIDTH - 2 * PAGE_MARGIN);

  if (n_pages > 1)
    {
      g_autofree char *number = g_strdup_printf ("%u / %u", page + 1, n_pages);

      draw_text (&r, number, 0, PAGE_HEIGHT - 2 * PAGE_MARGIN, PAGE_WIDTH - 2 * PAGE_MARGIN,
                 PAGE_MARGIN, 1.0, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT, &text_colour, 0.7);
    }

  cairo_translate (cr, 0, get_title_height (PAGE_FONT_SIZE));
  render (&r, first_row, page_rows);
  render_clear (&r);
  cairo_restore (cr);
}

static GBytes *
export_pdf (JhTimelineLayout  *layout,
            const char        *title,
            GError           **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages = jh_timeline_get_n_pages (layout);

  surface = cairo_pdf_surface_create_for_stream (write_to_byte_array_cb, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Jihua " PACKAGE_VERSION);
  cr = cairo_create (surface);

  for (guint page = 0; page < n_pages; page++)
    {
      jh_timeline_draw_page (layout, cr, title, page);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * jh_timeline_format_get_mime_type:
 * @format: a format
 *
 * Returns: its MIME type
 */
const char *
jh_timeline_format_get_mime_type (JhTimelineFormat format)
{
  switch (format)
    {
    case JH_TIMELINE_FORMAT_PNG:
      return "image/png";
    case JH_TIMELINE_FORMAT_SVG:
      return "image/svg+xml";
    case JH_TIMELINE_FORMAT_PDF:
      return "application/pdf";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * jh_timeline_format_get_suffix:
 * @format: a format
 *
 * Returns: the suffix of its files, with the dot: ".png"
 */
const char *
jh_timeline_format_get_suffix (JhTimelineFormat format)
{
  switch (format)
    {
    case JH_TIMELINE_FORMAT_PNG:
      return ".png";
    case JH_TIMELINE_FORMAT_SVG:
      return ".svg";
    case JH_TIMELINE_FORMAT_PDF:
      return ".pdf";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* What an export needs, taken from the plan in the thread that owns it,
 * so that drawing may happen in another.
 */
typedef struct
{
  JhTimelineFormat  format;
  JhTimelineLayout *layout;
  char             *title;
  GFile            *file;
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->layout, jh_timeline_layout_unref);
  g_clear_pointer (&job->title, g_free);
  g_clear_object (&job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static Job *
job_new (JhSchedule       *schedule,
         JhTimelineFormat  format,
         GFile            *file)
{
  Job *job = g_new0 (Job, 1);
  JhPlan *plan = jh_schedule_get_plan (schedule);

  job->format = format;
  job->layout = format == JH_TIMELINE_FORMAT_PDF ? jh_timeline_page_layout_new (schedule) : new_image_layout (schedule);
  job->title = g_strdup (jh_plan_get_title (plan));
  job->file = file != NULL ? g_object_ref (file) : NULL;

  return job;
}

static GBytes *
job_run (Job     *job,
         GError **error)
{
  switch (job->format)
    {
    case JH_TIMELINE_FORMAT_PNG:
      return export_png (job->layout, job->title, error);

    case JH_TIMELINE_FORMAT_SVG:
      return export_svg (job->layout, job->title, error);

    case JH_TIMELINE_FORMAT_PDF:
      return export_pdf (job->layout, job->title, error);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
job_write (Job           *job,
           GBytes        *bytes,
           GCancellable  *cancellable,
           GError       **error)
{
  return _jh_file_replace_bytes (job->file, bytes, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                 cancellable, error);
}

/**
 * jh_timeline_export_to_bytes:
 * @schedule: the schedule of a plan
 * @format: what to make
 * @error: return location for a #GError
 *
 * Draws the timeline of the whole plan year, with the plan's title over
 * it: a PNG or SVG %JH_TIMELINE_IMAGE_WIDTH pixels wide and as high as
 * its rows need, or A4 landscape PDF pages.
 *
 * Returns: (transfer full): the file's contents, or %NULL on error
 */
GBytes *
jh_timeline_export_to_bytes (JhSchedule        *schedule,
                             JhTimelineFormat   format,
                             GError           **error)
{
  g_autoptr(Job) job = NULL;

  g_return_val_if_fail (JH_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (format <= JH_TIMELINE_FORMAT_PDF, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job = job_new (schedule, format, NULL);

  return job_run (job, error);
}

/**
 * jh_timeline_export:
 * @schedule: the schedule of a plan
 * @format: what to make
 * @out: the file to write, replaced if it exists
 * @error: return location for a #GError
 *
 * Writes the timeline to @out, as jh_timeline_export_to_bytes() draws
 * it.
 *
 * Returns: whether @out was written
 */
gboolean
jh_timeline_export (JhSchedule        *schedule,
                    JhTimelineFormat   format,
                    GFile             *out,
                    GError           **error)
{
  g_autoptr(Job) job = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (JH_IS_SCHEDULE (schedule), FALSE);
  g_return_val_if_fail (format <= JH_TIMELINE_FORMAT_PDF, FALSE);
  g_return_val_if_fail (G_IS_FILE (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = job_new (schedule, format, out);
  bytes = job_run (job, error);

  return bytes != NULL && job_write (job, bytes, NULL, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = job_run (job, &error);
  if (bytes == NULL || !job_write (job, bytes, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * jh_timeline_export_async:
 * @schedule: the schedule of a plan
 * @format: what to make
 * @out: the file to write, replaced if it exists
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or could not be
 * @user_data: data for @callback
 *
 * Writes the timeline to @out in a thread, so that the window does not
 * wait for a long plan to be drawn.  What is drawn is the plan as it is
 * when this is called.
 */
void
jh_timeline_export_async (JhSchedule          *schedule,
                          JhTimelineFormat     format,
                          GFile               *out,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (JH_IS_SCHEDULE (schedule));
  g_return_if_fail (format <= JH_TIMELINE_FORMAT_PDF);
  g_return_if_fail (G_IS_FILE (out));

  /* Laid out here, in the plan's thread: the thread only draws. */
  job = job_new (schedule, format, out);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jh_timeline_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * jh_timeline_export_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the file was written
 */
gboolean
jh_timeline_export_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
