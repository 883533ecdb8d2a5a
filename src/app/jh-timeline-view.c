/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jh-timeline-view-private.h"

/**
 * JhTimelineView:
 *
 * The plan year as a quarterly timeline: quarters, months and 旬 across,
 * a row per task down, a bar or marker for each time the task is due,
 * and under them the number of activities in each month.  Drawn from a
 * #JhTimelineLayout, the geometry the PNG, SVG and PDF exports draw too.
 *
 * Bars from the task's timing field can be dragged, by the middle to
 * move them and by an end to lengthen or shorten them, always to whole
 * 旬; Shift+Left and Shift+Right move the selected one by a 旬.  The
 * timing field is rewritten in the plan's words ("6月上旬至中旬") through
 * the plan's #JhHistory, so the window's Undo takes it back.  Dates
 * found in a task's text are shown but never rewritten: the text is the
 * user's.
 *
 * The header and the workload strip stay in place while the rows scroll:
 * the view is #GtkScrollable and draws only the rows in sight, so that a
 * plan of five hundred tasks scrolls as smoothly as one of ten.
 */

struct _JhTimelineView
{
  GtkWidget          parent_instance;

  JhSchedule        *schedule;
  JhHistory         *history;
  JhTimelineZoom     zoom;
  guint              period;
  JhTask            *selected_task;
  guint              selected_activity;
  guint              selected_range;
  GDate              today;

  JhTimelineLayout  *layout;

  GtkAdjustment     *hadjustment;
  GtkAdjustment     *vadjustment;
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;

  /* Sizes, from the font */
  double             label_width;
  double             row_height;
  double             band_height;
  double             header_height;
  double             footer_height;

  /* A drag in progress */
  JhActivity        *drag_activity;
  guint              drag_range;
  JhTimelinePart     drag_part;
  JhTimeRange        drag_preview;
  double             drag_x;
  double             drag_y;
  gboolean           drag_moved;
  gboolean           drag_changed;
  JhTask            *pressed_task;

  guint              n_drawn_rows;
};

static void scrollable_iface_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JhTimelineView, jh_timeline_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, scrollable_iface_init))

enum {
  PROP_0,
  PROP_SCHEDULE,
  PROP_HISTORY,
  PROP_ZOOM,
  PROP_PERIOD,
  PROP_SELECTED_TASK,
  PROP_TODAY,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  TASK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Colours */

typedef struct
{
  GdkRGBA  fg;
  GdkRGBA  accent_bg;
  GdkRGBA  accent_fg;
  GdkRGBA  accent;
  GdkRGBA  today;
  gboolean high_contrast;
} Colours;

static void
lookup_colour (GtkStyleContext *context,
               const char      *name,
               const char      *fallback,
               GdkRGBA         *colour)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, colour))
    gdk_rgba_parse (colour, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* The text colour is the widget's own; bars take the desktop's accent,
 * as selections do, so that they follow the light, dark and high
 * contrast styles and the accent the user chose.  GTK 4.8 has no other
 * way to reach libadwaita's named colours from C than the style
 * context.
 */
static void
get_colours (JhTimelineView *self,
             Colours        *colours)
{
  GtkStyleContext *context;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &colours->fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  lookup_colour (context, "accent_bg_color", "#3584e4", &colours->accent_bg);
  lookup_colour (context, "accent_fg_color", "#ffffff", &colours->accent_fg);
  lookup_colour (context, "accent_color", "#1c71d8", &colours->accent);
  lookup_colour (context, "destructive_color", "#e01b24", &colours->today);
  colours->high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}

static GdkRGBA
with_alpha (const GdkRGBA *colour,
            float          alpha)
{
  GdkRGBA result = *colour;

  result.alpha *= alpha;

  return result;
}

/* Sizes and coordinates */

static void
update_metrics (JhTimelineView *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "国Ag");
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int line_height;

  /* Everything scales with the text, which the user may have enlarged. */
  pango_layout_get_pixel_size (layout, NULL, &line_height);
  self->row_height = round (line_height * 1.9);
  self->band_height = round (line_height * 1.5);
  self->header_height = 3 * self->band_height;
  self->footer_height = round (line_height * 3.4);
  self->label_width = round (CLAMP (width * 0.3, 200.0, 380.0));
}

static double
get_chart_width (JhTimelineView *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - self->label_width, 1.0);
}

static double
get_rows_height (JhTimelineView *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self)) - self->header_height - self->footer_height, 0.0);
}

static double
get_scroll (JhTimelineView *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0.0;
}

static guint
get_layout_period (JhTimelineView *self)
{
  switch (self->zoom)
    {
    case JH_TIMELINE_ZOOM_HALF:
      return MIN (self->period, 2);
    case JH_TIMELINE_ZOOM_QUARTER:
      return self->period;
    case JH_TIMELINE_ZOOM_YEAR:
    default:
      return 1;
    }
}

static void
configure_adjustments (JhTimelineView *self)
{
  double rows_height = get_rows_height (self);
  double content_height = self->layout != NULL ? jh_timeline_layout_get_height (self->layout) : 0.0;
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0,
                                     MAX (content_height - rows_height, 0)),
                              0, MAX (content_height, rows_height),
                              self->row_height, MAX (rows_height - self->row_height, self->row_height),
                              rows_height);

  /* The year fits the width: there is nothing to scroll across. */
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);
}

static void
invalidate_layout (JhTimelineView *self)
{
  g_clear_pointer (&self->layout, jh_timeline_layout_unref);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The layout belongs to a width; it is made when the width is known. */
static JhTimelineLayout *
ensure_layout (JhTimelineView *self)
{
  if (self->layout != NULL || self->schedule == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return self->layout;

  if (self->row_height <= 0)
    update_metrics (self);

  self->layout = jh_timeline_layout_new (self->schedule, self->zoom, get_layout_period (self),
                                         get_chart_width (self), self->row_height);
  configure_adjustments (self);

  return self->layout;
}

/* Selection */

static JhActivity *
get_activity (JhTimelineView *self,
              JhTask         *task,
              guint           activity_index)
{
  GPtrArray *activities;

  if (self->schedule == NULL || task == NULL)
    return NULL;

  activities = jh_schedule_get_activities (self->schedule, task);
  if (activities == NULL || activity_index >= activities->len)
    return NULL;

  return g_ptr_array_index (activities, activity_index);
}

static int
find_activity_index (JhTimelineView *self,
                     JhActivity     *activity)
{
  GPtrArray *activities = jh_schedule_get_activities (self->schedule, jh_activity_get_task (activity));
  guint index_;

  if (activities == NULL || !g_ptr_array_find (activities, activity, &index_))
    return -1;

  return index_;
}

static void
update_accessible_description (JhTimelineView *self)
{
  g_autofree char *description = NULL;

  if (self->selected_task != NULL)
    {
      g_autofree char *numbering = jh_task_dup_numbering (self->selected_task);
      const char *timing = jh_task_get_timing (self->selected_task);

      description = g_strdup_printf ("%s%s: %s", numbering, jh_task_get_lead (self->selected_task),
                                     *timing != '\0' ? timing : _("no date"));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
}

static void
select_task (JhTimelineView *self,
             JhTask         *task,
             guint           activity_index,
             guint           range_index)
{
  gboolean changed = g_set_object (&self->selected_task, task);

  self->selected_activity = activity_index;
  self->selected_range = range_index;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (changed)
    {
      update_accessible_description (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_TASK]);
    }
}

static int
get_selected_row (JhTimelineView *self)
{
  JhTimelineLayout *layout = ensure_layout (self);

  if (layout == NULL || self->selected_task == NULL)
    return -1;

  return jh_timeline_layout_find_row (layout, self->selected_task);
}

static void
scroll_to_row (JhTimelineView *self,
               guint           row_index)
{
  JhTimelineLayout *layout = ensure_layout (self);
  const JhTimelineRow *row;
  double scroll, rows_height;

  if (layout == NULL || self->vadjustment == NULL)
    return;

  row = jh_timeline_layout_get_row (layout, row_index);
  scroll = get_scroll (self);
  rows_height = get_rows_height (self);

  if (row->y < scroll)
    gtk_adjustment_set_value (self->vadjustment, row->y);
  else if (row->y + row->height > scroll + rows_height)
    gtk_adjustment_set_value (self->vadjustment, row->y + row->height - rows_height);
}

/* Editing */

static gboolean
is_editable (JhActivity *activity)
{
  JhTiming *timing = jh_activity_get_timing (activity);

  return jh_activity_get_source (activity) == JH_ACTIVITY_SOURCE_TIMING &&
         jh_timing_get_recurrence (timing) == JH_TIME_RECURRENCE_NONE &&
         !jh_timing_get_outside_plan_year (timing);
}

/* Writes the task's timing with @range in place of the range it had,
 * as one step to undo.
 */
static gboolean
apply_range (JhTimelineView    *self,
             JhActivity        *activity,
             guint              range_index,
             const JhTimeRange *range)
{
  JhTiming *timing = jh_activity_get_timing (activity);
  JhTask *task = jh_activity_get_task (activity);
  g_autoptr(JhTask) keep_task = g_object_ref (task);
  g_autoptr(JhTiming) check = NULL;
  g_autofree char *text = NULL;
  JhPlan *plan;

  text = jh_timeline_dup_timing_text (timing, range_index, range);
  if (text == NULL)
    return FALSE;

  /* What is written must read back: a timing Jihua cannot read would
   * drop the task off the timeline.
   */
  check = jh_timing_parse (text, jh_timing_get_plan_year (timing), NULL);
  if (check == NULL)
    {
      g_warning ("The timeline wrote “%s”, which does not read back", text);
      return FALSE;
    }

  if (self->history != NULL)
    {
      jh_history_begin (self->history, _("Move on the Timeline"));
      jh_history_set (self->history, JH_NODE (task), "timing", text, NULL);
      jh_history_end (self->history);
      jh_history_seal (self->history);
    }
  else
    {
      jh_task_set_timing (task, text);
    }

  /* The window computes a schedule when it is idle; until then the view
   * shows the move already, and a second Shift+Right moves on from it.
   */
  plan = jh_schedule_get_plan (self->schedule);
  {
    g_autoptr(JhSchedule) schedule = jh_schedule_new (plan);

    jh_timeline_view_set_schedule (self, schedule);
  }

  return TRUE;
}

/* Drawing */

typedef struct
{
  JhTimelineView *self;
  GtkSnapshot    *snapshot;
  PangoLayout    *pango;
  PangoLanguage  *language;
  Colours         colours;
  double          chart_x;
  double          chart_width;
} Draw;

static void
fill (GtkSnapshot   *snapshot,
      const GdkRGBA *colour,
      double         x,
      double         y,
      double         width,
      double         height)
{
  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
fill_rounded (GtkSnapshot   *snapshot,
              const GdkRGBA *colour,
              double         x,
              double         y,
              double         width,
              double         height,
              double         radius_left,
              double         radius_right)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, width, height);
  GskRoundedRect rounded;

  radius_left = MIN (radius_left, MIN (width, height) / 2);
  radius_right = MIN (radius_right, MIN (width, height) / 2);
  gsk_rounded_rect_init (&rounded, &bounds,
                         &GRAPHENE_SIZE_INIT (radius_left, radius_left),
                         &GRAPHENE_SIZE_INIT (radius_right, radius_right),
                         &GRAPHENE_SIZE_INIT (radius_right, radius_right),
                         &GRAPHENE_SIZE_INIT (radius_left, radius_left));
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, colour, &bounds);
  gtk_snapshot_pop (snapshot);
}

static void
outline_rounded (GtkSnapshot   *snapshot,
                 const GdkRGBA *colour,
                 double         x,
                 double         y,
                 double         width,
                 double         height,
                 double         radius,
                 double         line_width)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, width, height);
  const float widths[4] = { line_width, line_width, line_width, line_width };
  const GdkRGBA colours[4] = { *colour, *colour, *colour, *colour };
  GskRoundedRect rounded;

  radius = MIN (radius, MIN (width, height) / 2);
  gsk_rounded_rect_init_from_rect (&rounded, &bounds, radius);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colours);
}

/* Draws @text in a box, centred on its height; returns its width. */
static double
draw_text (Draw           *d,
           const char     *text,
           double          x,
           double          y,
           double          width,
           double          height,
           double          scale,
           PangoWeight     weight,
           PangoAlignment  alignment,
           const GdkRGBA  *colour)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  int text_width, text_height;

  if (text == NULL || *text == '\0' || width <= 0)
    return 0;

  pango_attr_list_insert (attributes, pango_attr_language_new (d->language));
  pango_attr_list_insert (attributes, pango_attr_weight_new (weight));
  if (scale != 1.0)
    pango_attr_list_insert (attributes, pango_attr_scale_new (scale));
  pango_layout_set_attributes (d->pango, attributes);
  pango_layout_set_text (d->pango, text, -1);
  pango_layout_set_width (d->pango, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (d->pango, alignment);
  pango_layout_set_ellipsize (d->pango, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (d->pango, &text_width, &text_height);

  gtk_snapshot_save (d->snapshot);
  gtk_snapshot_translate (d->snapshot, &GRAPHENE_POINT_INIT (x, round (y + (height - text_height) / 2)));
  gtk_snapshot_append_layout (d->snapshot, d->pango, colour);
  gtk_snapshot_restore (d->snapshot);

  return text_width;
}

static double
measure_text (Draw       *d,
              const char *text,
              double      scale)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  int width;

  pango_attr_list_insert (attributes, pango_attr_language_new (d->language));
  if (scale != 1.0)
    pango_attr_list_insert (attributes, pango_attr_scale_new (scale));
  pango_layout_set_attributes (d->pango, attributes);
  pango_layout_set_width (d->pango, -1);
  pango_layout_set_text (d->pango, text, -1);
  pango_layout_get_pixel_size (d->pango, &width, NULL);

  return width;
}

static void
vertical_line (Draw          *d,
               double         x,
               double         y1,
               double         y2,
               float          alpha)
{
  GdkRGBA colour = with_alpha (&d->colours.fg, d->colours.high_contrast ? MIN (alpha * 2.5f, 1.0f) : alpha);

  fill (d->snapshot, &colour, floor (d->chart_x + x), y1, 1, y2 - y1);
}

static void
horizontal_line (Draw   *d,
                 double  x1,
                 double  x2,
                 double  y,
                 float   alpha)
{
  GdkRGBA colour = with_alpha (&d->colours.fg, d->colours.high_contrast ? MIN (alpha * 2.5f, 1.0f) : alpha);

  fill (d->snapshot, &colour, x1, floor (y), x2 - x1, 1);
}

typedef enum
{
  LABEL_FULL,
  LABEL_SHORT,
  LABEL_NONE,
} LabelChoice;

/* A band reads alike from end to end: when one 旬 is too narrow for
 * 下旬, all say 上, 中, 下.
 */
static LabelChoice
choose_labels (Draw           *d,
               JhTimelineUnit  unit,
               double          scale)
{
  JhTimelineLayout *layout = d->self->layout;
  gboolean full_fits = TRUE, short_fits = TRUE;

  for (guint i = 0; i < jh_timeline_layout_get_n_cells (layout, unit); i++)
    {
      const JhTimelineCell *cell = jh_timeline_layout_get_cell (layout, unit, i);
      double room = cell->x2 - cell->x1 - 4;

      full_fits = full_fits && measure_text (d, cell->label, scale) <= room;
      short_fits = short_fits && measure_text (d, cell->short_label, scale) <= room;
    }

  return full_fits ? LABEL_FULL : short_fits ? LABEL_SHORT : LABEL_NONE;
}

static void
draw_header (Draw *d)
{
  JhTimelineView *self = d->self;
  JhTimelineLayout *layout = self->layout;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  GdkRGBA shade = with_alpha (&d->colours.fg, 0.04f);
  GdkRGBA dim = with_alpha (&d->colours.fg, 0.6f);
  g_autofree char *span = jh_timeline_layout_dup_span_label (layout);

  fill (d->snapshot, &shade, 0, 0, width, self->header_height);

  for (JhTimelineUnit unit = JH_TIMELINE_UNIT_QUARTER; unit <= JH_TIMELINE_UNIT_XUN; unit++)
    {
      double y = unit * self->band_height;
      double scale = unit == JH_TIMELINE_UNIT_XUN ? 0.85 : 1.0;
      LabelChoice choice = choose_labels (d, unit, scale);

      for (guint i = 0; i < jh_timeline_layout_get_n_cells (layout, unit); i++)
        {
          const JhTimelineCell *cell = jh_timeline_layout_get_cell (layout, unit, i);

          if (choice != LABEL_NONE)
            draw_text (d, choice == LABEL_FULL ? cell->label : cell->short_label,
                       d->chart_x + cell->x1, y, cell->x2 - cell->x1, self->band_height, scale,
                       unit == JH_TIMELINE_UNIT_QUARTER ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                       PANGO_ALIGN_CENTER, unit == JH_TIMELINE_UNIT_XUN ? &dim : &d->colours.fg);

          if (cell->x1 > 0)
            vertical_line (d, cell->x1, y, self->header_height,
                           unit == JH_TIMELINE_UNIT_QUARTER ? 0.3f : unit == JH_TIMELINE_UNIT_MONTH ? 0.18f : 0.1f);
        }

      if (unit > JH_TIMELINE_UNIT_QUARTER)
        horizontal_line (d, d->chart_x, width, y, 0.1f);
    }

  draw_text (d, span, 12, 0, self->label_width - 24, self->band_height,
             1.0, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, &d->colours.fg);
  draw_text (d, _("Task"), 12, 2 * self->band_height, self->label_width - 24, self->band_height,
             0.85, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, &dim);
}

static void
draw_grid (Draw   *d,
           double  top,
           double  bottom)
{
  JhTimelineLayout *layout = d->self->layout;

  for (JhTimelineUnit unit = JH_TIMELINE_UNIT_QUARTER; unit <= JH_TIMELINE_UNIT_XUN; unit++)
    for (guint i = 0; i < jh_timeline_layout_get_n_cells (layout, unit); i++)
      {
        const JhTimelineCell *cell = jh_timeline_layout_get_cell (layout, unit, i);

        if (!jh_timeline_cell_draws_line (cell))
          continue;

        vertical_line (d, cell->x1, top, bottom,
                       unit == JH_TIMELINE_UNIT_QUARTER ? 0.25f : unit == JH_TIMELINE_UNIT_MONTH ? 0.12f : 0.05f);
      }
}

static void
draw_mark (Draw                 *d,
           const JhTimelineMark *mark,
           double                x1,
           double                x2,
           double                y,
           double                height,
           gboolean              selected)
{
  GtkSnapshot *snapshot = d->snapshot;
  double inset = round (height * 0.22);
  double top = y + inset;
  double bar_height = height - 2 * inset;
  GdkRGBA colour = jh_timeline_mark_is_light (mark) ? with_alpha (&d->colours.accent_bg, 0.45f) : d->colours.accent_bg;

  x1 += d->chart_x;
  x2 += d->chart_x;

  switch (mark->kind)
    {
    case JH_TIMELINE_MARK_BAR:
      {
        double radius = round (bar_height * 0.25);

        /* Occurrences of a recurring activity touch each other; a gap
         * keeps them apart, so that 每月 reads as twelve.
         */
        if (mark->recurring)
          {
            double gap = MIN (1.5, (x2 - x1) / 6);

            x1 += gap;
            x2 -= gap;
          }

        fill_rounded (snapshot, &colour, x1, top, MAX (x2 - x1, 1), bar_height,
                      mark->clipped_start ? 0 : radius, mark->clipped_end ? 0 : radius);
        if ((!mark->editable && !mark->recurring) || d->colours.high_contrast)
          outline_rounded (snapshot, &d->colours.accent, x1, top, MAX (x2 - x1, 1), bar_height, radius, 1);
        if (selected)
          outline_rounded (snapshot, &d->colours.fg, x1 - 2, top - 2, MAX (x2 - x1, 1) + 4, bar_height + 4,
                           radius + 2, 2);
      }
      break;

    case JH_TIMELINE_MARK_DAY:
      {
        double half = round (bar_height * 0.45);
        GdkRGBA marker = mark->editable ? d->colours.accent : with_alpha (&d->colours.accent, 0.6f);

        /* A diamond: a square turned on its corner. */
        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((x1 + x2) / 2, y + height / 2));
        gtk_snapshot_rotate (snapshot, 45);
        fill (snapshot, &marker, -half, -half, 2 * half, 2 * half);
        if (selected)
          outline_rounded (snapshot, &d->colours.fg, -half - 3, -half - 3, 2 * half + 6, 2 * half + 6, 0, 2);
        gtk_snapshot_restore (snapshot);
      }
      break;

    case JH_TIMELINE_MARK_DEADLINE:
      {
        GskColorStop stops[2] = {
          { 0.0f, with_alpha (&d->colours.accent_bg, 0.0f) },
          { 1.0f, with_alpha (&d->colours.accent_bg, 0.75f) },
        };
        double post = MAX (2.0, round (bar_height * 0.2));
        double middle = y + height / 2;
        double arrow = round (bar_height * 0.45);

        /* Work leading up to a due date, with no start given. */
        gtk_snapshot_append_linear_gradient (snapshot,
                                             &GRAPHENE_RECT_INIT (x1, top, x2 - x1, bar_height),
                                             &GRAPHENE_POINT_INIT (x1, middle),
                                             &GRAPHENE_POINT_INIT (x2, middle),
                                             stops, G_N_ELEMENTS (stops));

        /* The due date: a post, and an arrowhead against it, cut from
         * a square turned on its corner.
         */
        fill (snapshot, &d->colours.accent, x2 - post, top - inset / 2, post, bar_height + inset);
        gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x2 - post - 2 * arrow, top, 2 * arrow, bar_height));
        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x2 - post, middle));
        gtk_snapshot_rotate (snapshot, 45);
        fill (snapshot, &d->colours.accent, -arrow * 0.7, -arrow * 0.7, arrow * 1.4, arrow * 1.4);
        gtk_snapshot_restore (snapshot);
        gtk_snapshot_pop (snapshot);

        if (selected)
          outline_rounded (snapshot, &d->colours.fg, x2 - post - arrow - 3, top - inset / 2 - 2,
                           post + arrow + 5, bar_height + inset + 4, 2, 2);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The mark as it would be after the drag in progress. */
static void
get_mark_extent (Draw                 *d,
                 const JhTimelineMark *mark,
                 double               *x1,
                 double               *x2)
{
  JhTimelineView *self = d->self;
  GDate start, after;

  *x1 = mark->x1;
  *x2 = mark->x2;

  if (!self->drag_changed || mark->activity != self->drag_activity || mark->range_index != self->drag_range)
    return;

  jh_time_range_get_end (&self->drag_preview, &after);
  g_date_add_days (&after, 1);
  *x2 = MIN (jh_timeline_layout_x_for_date (self->layout, &after), d->chart_width);

  if (jh_time_range_get_start (&self->drag_preview, &start))
    *x1 = MAX (jh_timeline_layout_x_for_date (self->layout, &start), 0);
  else
    *x1 = *x2 - (mark->x2 - mark->x1);
}

static void
draw_when (Draw                *d,
           const JhTimelineRow *row,
           double               y,
           const char          *when,
           gboolean             dragged)
{
  JhTimelineLayout *layout = d->self->layout;
  GdkRGBA dim = with_alpha (&d->colours.fg, 0.7f);
  double first_x = d->chart_width, last_x = 0, width, x;
  double gap = 8;

  if (*when == '\0' || row->n_marks == 0)
    return;

  for (guint i = row->first_mark; i < row->first_mark + row->n_marks; i++)
    {
      const JhTimelineMark *mark = jh_timeline_layout_get_mark (layout, i);
      double x1, x2;

      get_mark_extent (d, mark, &x1, &x2);
      jh_timeline_mark_widen_day (mark, row->height, &x1, &x2);
      first_x = MIN (first_x, x1);
      last_x = MAX (last_x, x2);
    }

  width = measure_text (d, when, 0.9) + 1;
  if (jh_timeline_place_beside (first_x, last_x, width, gap, d->chart_width, &x))
    draw_text (d, when, d->chart_x + x, y, width, row->height, 0.9,
               dragged ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT,
               dragged ? &d->colours.accent : &dim);
}

static void
draw_row (Draw  *d,
          guint  index_,
          double y)
{
  JhTimelineView *self = d->self;
  JhTimelineLayout *layout = self->layout;
  const JhTimelineRow *row = jh_timeline_layout_get_row (layout, index_);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean selected = row->task != NULL && row->task == self->selected_task;
  GdkRGBA dim = with_alpha (&d->colours.fg, 0.65f);
  JhActivity *selected_activity = selected ? get_activity (self, self->selected_task, self->selected_activity) : NULL;
  g_autofree char *dragged_when = NULL;
  g_autofree char *label = NULL;
  double indent;

  if (row->kind != JH_TIMELINE_ROW_TASK)
    {
      GdkRGBA shade = with_alpha (&d->colours.fg, 0.05f);
      g_autofree char *heading = NULL;

      if (row->kind == JH_TIMELINE_ROW_UNSCHEDULED)
        heading = g_strdup_printf (_("Tasks with no date (%u)"),
                                   jh_timeline_layout_get_n_rows (layout) - index_ - 1);
      else
        heading = g_strconcat (row->numbering, row->label, NULL);

      fill (d->snapshot, &shade, 0, y, width, row->height);
      draw_text (d, heading, 12, y, width - 24, row->height, 1.0, PANGO_WEIGHT_BOLD,
                 PANGO_ALIGN_LEFT, &dim);
      return;
    }

  if (selected)
    {
      GdkRGBA highlight = with_alpha (&d->colours.accent_bg, 0.18f);

      fill (d->snapshot, &highlight, 0, y, width, row->height);
      if (gtk_widget_has_visible_focus (GTK_WIDGET (self)))
        outline_rounded (d->snapshot, &d->colours.accent, 1, y + 1, width - 2, row->height - 2, 4, 2);
    }
  else if (row->depth == 0)
    {
      GdkRGBA shade = with_alpha (&d->colours.fg, 0.03f);

      fill (d->snapshot, &shade, 0, y, width, row->height);
    }

  if (row->depth == 0 && index_ > 0)
    horizontal_line (d, 0, width, y, 0.08f);

  indent = 12 + row->depth * 16;
  label = g_strconcat (row->numbering, row->label, NULL);
  draw_text (d, label, indent, y, self->label_width - indent - 8, row->height, 1.0,
             row->depth == 0 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT,
             row->unscheduled ? &dim : &d->colours.fg);

  if (row->unscheduled)
    {
      GdkRGBA faint = with_alpha (&d->colours.fg, 0.45f);

      draw_text (d, _("No date"), d->chart_x + 12, y, d->chart_width - 24, row->height, 0.9,
                 PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, &faint);
      return;
    }

  for (guint i = row->first_mark; i < row->first_mark + row->n_marks; i++)
    {
      const JhTimelineMark *mark = jh_timeline_layout_get_mark (layout, i);
      double x1, x2;

      get_mark_extent (d, mark, &x1, &x2);
      if (self->drag_changed && mark->activity == self->drag_activity && mark->range_index == self->drag_range)
        dragged_when = jh_timeline_dup_timing_text (jh_activity_get_timing (mark->activity),
                                                    mark->range_index, &self->drag_preview);

      draw_mark (d, mark, x1, x2, y, row->height,
                 mark->activity == selected_activity && mark->range_index == self->selected_range);
    }

  draw_when (d, row, y, dragged_when != NULL ? dragged_when : row->when, dragged_when != NULL);
}

static void
draw_footer (Draw   *d,
             double  top)
{
  JhTimelineView *self = d->self;
  JhTimelineLayout *layout = self->layout;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  guint max_workload = jh_timeline_layout_get_max_workload (layout);
  GdkRGBA shade = with_alpha (&d->colours.fg, 0.04f);
  GdkRGBA dim = with_alpha (&d->colours.fg, 0.7f);
  double number_height = self->band_height * 0.9;
  double bar_space = self->footer_height - number_height - 6;

  fill (d->snapshot, &shade, 0, top, width, self->footer_height);
  horizontal_line (d, 0, width, top, 0.3f);
  draw_text (d, _("Activities per month"), 12, top, self->label_width - 24, self->footer_height,
             0.9, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT, &dim);

  for (guint i = 0; i < jh_timeline_layout_get_n_cells (layout, JH_TIMELINE_UNIT_MONTH); i++)
    {
      const JhTimelineCell *cell = jh_timeline_layout_get_cell (layout, JH_TIMELINE_UNIT_MONTH, i);
      guint count = jh_timeline_layout_get_workload (layout, cell->number);
      double cell_width = cell->x2 - cell->x1;
      double bar_width = MIN (cell_width * 0.5, 36);
      double bar_height = max_workload > 0 ? round (bar_space * count / max_workload) : 0;
      double bottom = top + self->footer_height - 4;
      char number[16];

      if (cell->x1 > 0)
        vertical_line (d, cell->x1, top, top + self->footer_height, 0.1f);

      if (bar_height > 0)
        {
          GdkRGBA colour = with_alpha (&d->colours.accent_bg, count == max_workload ? 0.85f : 0.4f);

          fill_rounded (d->snapshot, &colour, d->chart_x + cell->x1 + (cell_width - bar_width) / 2,
                        bottom - bar_height, bar_width, bar_height, 3, 3);
        }

      g_snprintf (number, sizeof number, "%u", count);
      draw_text (d, number, d->chart_x + cell->x1, bottom - bar_height - number_height,
                 cell_width, number_height, 0.85, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, &dim);
    }
}

static void
get_today (JhTimelineView *self,
           GDate          *today)
{
  if (g_date_valid (&self->today))
    {
      *today = self->today;
      return;
    }

  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

static void
draw_today (Draw   *d,
            double  bottom)
{
  JhTimelineView *self = d->self;
  GDate today, tomorrow;
  double x;

  /* Only inside the plan year, and inside what is shown of it. */
  get_today (self, &today);
  if (!jh_timeline_layout_contains (self->layout, &today))
    return;

  /* In the middle of the day, which is wide in a quarter's zoom. */
  tomorrow = today;
  g_date_add_days (&tomorrow, 1);
  x = d->chart_x + round ((jh_timeline_layout_x_for_date (self->layout, &today) +
                           jh_timeline_layout_x_for_date (self->layout, &tomorrow)) / 2);
  fill (d->snapshot, &d->colours.today, x - 1, 2 * self->band_height, 2, bottom - 2 * self->band_height);
  fill_rounded (d->snapshot, &d->colours.today, x - 4, 2 * self->band_height, 8, 8, 4, 4);
}

static void
jh_timeline_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  JhTimelineView *self = JH_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double rows_height = get_rows_height (self);
  double content_height, scroll, rows_bottom;
  int first, last;
  Draw d = { 0, };

  self->n_drawn_rows = 0;

  if (ensure_layout (self) == NULL)
    return;

  d.self = self;
  d.snapshot = snapshot;
  d.pango = gtk_widget_create_pango_layout (widget, NULL);

  /* The plan is Chinese whatever the language of the desktop: its text
   * takes the glyphs of simplified Chinese, not a Japanese font's.
   */
  d.language = pango_language_from_string ("zh-cn");
  d.chart_x = self->label_width;
  d.chart_width = jh_timeline_layout_get_width (self->layout);
  get_colours (self, &d.colours);

  content_height = jh_timeline_layout_get_height (self->layout);
  scroll = get_scroll (self);
  rows_bottom = self->header_height + MIN (rows_height, content_height - scroll);

  /* The rows, scrolled, between the header and the strip that stay. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, self->header_height, width, rows_height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, self->header_height - scroll));

  first = MAX (jh_timeline_layout_get_row_at_y (self->layout, scroll), 0);
  last = jh_timeline_layout_get_row_at_y (self->layout, scroll + rows_height);
  if (last < 0)
    last = (int) jh_timeline_layout_get_n_rows (self->layout) - 1;

  for (int i = first; i <= last && i < (int) jh_timeline_layout_get_n_rows (self->layout); i++)
    {
      draw_row (&d, i, jh_timeline_layout_get_row (self->layout, i)->y);
      self->n_drawn_rows++;
    }

  gtk_snapshot_restore (snapshot);
  draw_grid (&d, self->header_height, rows_bottom);
  gtk_snapshot_pop (snapshot);

  draw_header (&d);
  horizontal_line (&d, 0, width, self->header_height - 1, 0.3f);
  draw_today (&d, rows_bottom);
  draw_footer (&d, self->header_height + rows_height);

  /* The column of names ends with a line, as a table's first column. */
  {
    GdkRGBA line = with_alpha (&d.colours.fg, d.colours.high_contrast ? 0.8f : 0.3f);

    fill (snapshot, &line, self->label_width - 1, 0, 1, self->header_height + rows_height + self->footer_height);
  }

  g_object_unref (d.pango);
}

/* Size */

static void
jh_timeline_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  JhTimelineView *self = JH_TIMELINE_VIEW (widget);

  update_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 520;
      *natural = 1000;
    }
  else
    {
      guint n_rows = 0;

      if (self->schedule != NULL)
        n_rows = jh_schedule_get_tasks (self->schedule)->len + 1;

      *minimum = (int) (self->header_height + self->footer_height + 3 * self->row_height);
      *natural = (int) (self->header_height + self->footer_height + MAX (n_rows, 3) * self->row_height);
    }
}

static void
jh_timeline_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  JhTimelineView *self = JH_TIMELINE_VIEW (widget);
  double old_label_width = self->label_width;
  double old_row_height = self->row_height;

  update_metrics (self);

  if (self->layout != NULL &&
      (old_label_width != self->label_width || old_row_height != self->row_height ||
       jh_timeline_layout_get_width (self->layout) != get_chart_width (self)))
    g_clear_pointer (&self->layout, jh_timeline_layout_unref);

  ensure_layout (self);
  configure_adjustments (self);
}

/* Pointer */

static gboolean
hit_test (JhTimelineView *self,
          double          x,
          double          y,
          JhTimelineHit  *hit)
{
  if (ensure_layout (self) == NULL ||
      y < self->header_height || y >= self->header_height + get_rows_height (self))
    return FALSE;

  if (!jh_timeline_layout_hit (self->layout, x - self->label_width,
                               y - self->header_height + get_scroll (self), hit))
    return FALSE;

  /* The column of names selects the row, whatever is on it. */
  if (x < self->label_width)
    {
      hit->mark = -1;
      hit->part = JH_TIMELINE_PART_NONE;
    }

  return TRUE;
}

static const char *
cursor_for_part (JhTimelinePart part)
{
  switch (part)
    {
    case JH_TIMELINE_PART_START:
    case JH_TIMELINE_PART_END:
      return "ew-resize";
    case JH_TIMELINE_PART_BODY:
      return "grab";
    case JH_TIMELINE_PART_NONE:
    default:
      return NULL;
    }
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           JhTimelineView           *self)
{
  JhTimelineHit hit;
  const char *cursor = NULL;

  if (self->drag_activity != NULL)
    return;

  if (hit_test (self, x, y, &hit) && hit.mark >= 0 &&
      jh_timeline_layout_get_mark (self->layout, hit.mark)->editable)
    cursor = cursor_for_part (hit.part);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static void
clear_drag (JhTimelineView *self)
{
  g_clear_pointer (&self->drag_activity, jh_activity_unref);
  g_clear_object (&self->pressed_task);
  self->drag_part = JH_TIMELINE_PART_NONE;
  self->drag_moved = FALSE;
  self->drag_changed = FALSE;
}

/**
 * _jh_timeline_view_drag_begin:
 * @self: a #JhTimelineView
 * @x: where the button went down
 * @y: where the button went down
 *
 * A press selects the task under it, and the mark under it; on an
 * editable mark, it starts a drag.
 *
 * Returns: whether the press was on a row
 */
gboolean
_jh_timeline_view_drag_begin (JhTimelineView *self,
                              double          x,
                              double          y)
{
  const JhTimelineRow *row;
  JhTimelineHit hit;

  g_return_val_if_fail (JH_IS_TIMELINE_VIEW (self), FALSE);

  clear_drag (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (!hit_test (self, x, y, &hit))
    return FALSE;

  row = jh_timeline_layout_get_row (self->layout, hit.row);
  if (row->task == NULL)
    return FALSE;

  self->pressed_task = g_object_ref (row->task);
  self->drag_x = x;
  self->drag_y = y;

  if (hit.mark < 0)
    {
      select_task (self, row->task, 0, 0);
      return TRUE;
    }

  {
    const JhTimelineMark *mark = jh_timeline_layout_get_mark (self->layout, hit.mark);
    int activity_index = find_activity_index (self, mark->activity);

    select_task (self, row->task, MAX (activity_index, 0), mark->range_index);

    if (mark->editable)
      {
        self->drag_activity = jh_activity_ref (mark->activity);
        self->drag_range = mark->range_index;
        self->drag_part = hit.part;
        self->drag_preview = mark->range;
      }
  }

  return TRUE;
}

/* Where the drag would put the range, snapped to 旬. */
static gboolean
compute_preview (JhTimelineView *self,
                 double          offset_x,
                 JhTimeRange    *preview)
{
  const JhTimeRange *range = jh_timing_get_range (jh_activity_get_timing (self->drag_activity), self->drag_range);
  guint year = jh_schedule_get_year (self->schedule);
  double start_x = self->drag_x - self->label_width;

  if (self->drag_part == JH_TIMELINE_PART_BODY)
    {
      GDate from, to;

      jh_timeline_layout_date_for_x (self->layout, start_x, &from);
      jh_timeline_layout_date_for_x (self->layout, start_x + offset_x, &to);

      return jh_timeline_range_move (range, jh_timeline_count_xun (&from, &to), year, preview);
    }
  else
    {
      GDate boundary;

      jh_timeline_layout_snap_x (self->layout, start_x + offset_x, &boundary);

      return jh_timeline_range_resize (range, self->drag_part, &boundary, year, preview);
    }
}

void
_jh_timeline_view_drag_update (JhTimelineView *self,
                               double          offset_x,
                               double          offset_y)
{
  g_return_if_fail (JH_IS_TIMELINE_VIEW (self));

  if (!self->drag_moved)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) offset_x, (int) offset_y))
        return;
      self->drag_moved = TRUE;
      if (self->drag_activity != NULL)
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                         self->drag_part == JH_TIMELINE_PART_BODY ? "grabbing" : "ew-resize");
    }

  if (self->drag_activity == NULL || self->layout == NULL)
    return;

  self->drag_changed = compute_preview (self, offset_x, &self->drag_preview);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * _jh_timeline_view_drag_end:
 * @self: a #JhTimelineView
 * @offset_x: how far the pointer went across
 * @offset_y: how far it went down
 *
 * Ends a drag: a bar that moved takes its new 旬, and the task's timing
 * is written anew; a press that did not move is a click, which
 * activates the task.
 */
void
_jh_timeline_view_drag_end (JhTimelineView *self,
                            double          offset_x,
                            double          offset_y)
{
  g_autoptr(JhTask) clicked = NULL;

  g_return_if_fail (JH_IS_TIMELINE_VIEW (self));

  _jh_timeline_view_drag_update (self, offset_x, offset_y);

  if (self->drag_activity != NULL && self->drag_changed)
    {
      g_autoptr(JhActivity) activity = jh_activity_ref (self->drag_activity);
      JhTimeRange preview = self->drag_preview;
      guint range_index = self->drag_range;

      clear_drag (self);
      apply_range (self, activity, range_index, &preview);
    }
  else if (!self->drag_moved && self->pressed_task != NULL)
    {
      clicked = g_object_ref (self->pressed_task);
    }

  clear_drag (self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (clicked != NULL)
    g_signal_emit (self, signals[TASK_ACTIVATED], 0, clicked);
}

/**
 * _jh_timeline_view_get_drag_preview:
 * @self: a #JhTimelineView
 *
 * Returns: (nullable): where the dragged range would go, or %NULL when
 *   no drag changes anything
 */
const JhTimeRange *
_jh_timeline_view_get_drag_preview (JhTimelineView *self)
{
  g_return_val_if_fail (JH_IS_TIMELINE_VIEW (self), NULL);

  return self->drag_activity != NULL && self->drag_changed ? &self->drag_preview : NULL;
}

/**
 * _jh_timeline_view_get_n_drawn_rows:
 * @self: a #JhTimelineView
 *
 * Returns: how many rows the last snapshot drew
 */
guint
_jh_timeline_view_get_n_drawn_rows (JhTimelineView *self)
{
  g_return_val_if_fail (JH_IS_TIMELINE_VIEW (self), 0);

  return self->n_drawn_rows;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               JhTimelineView *self)
{
  if (!_jh_timeline_view_drag_begin (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                JhTimelineView *self)
{
  _jh_timeline_view_drag_update (self, offset_x, offset_y);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             JhTimelineView *self)
{
  _jh_timeline_view_drag_end (self, offset_x, offset_y);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                JhTimelineView   *self)
{
  clear_drag (self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
jh_timeline_view_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_tooltip,
                                GtkTooltip *tooltip)
{
  JhTimelineView *self = JH_TIMELINE_VIEW (widget);
  g_autoptr(GString) text = g_string_new (NULL);
  const JhTimelineRow *row;
  JhTimelineHit hit;

  if (keyboard_tooltip || !hit_test (self, x, y, &hit))
    return FALSE;

  row = jh_timeline_layout_get_row (self->layout, hit.row);
  if (row->task == NULL)
    return FALSE;

  g_string_append_printf (text, "%s%s", row->numbering, row->label);
  if (hit.mark >= 0)
    {
      const JhTimelineMark *mark = jh_timeline_layout_get_mark (self->layout, hit.mark);
      JhTiming *timing = jh_activity_get_timing (mark->activity);

      g_string_append_printf (text, "\n%s", jh_timing_get_text (timing));
      if (mark->editable)
        g_string_append_printf (text, "\n%s", _("Drag to move it, or drag an end to change it"));
      else if (mark->recurring)
        g_string_append_printf (text, "\n%s", _("Recurs: change the timing in the editor"));
      else if (jh_activity_get_source (mark->activity) == JH_ACTIVITY_SOURCE_BODY)
        g_string_append_printf (text, "\n%s", _("Found in the text: edit the text to change it"));
    }
  else if (*jh_task_get_owner (row->task) != '\0')
    {
      g_string_append (text, "\n");
      g_string_append_printf (text, _("Owner: %s"), jh_task_get_owner (row->task));
    }

  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

/* Keyboard */

static int
find_task_row (JhTimelineLayout *layout,
               int               row,
               int               direction)
{
  int n_rows = jh_timeline_layout_get_n_rows (layout);

  for (; row >= 0 && row < n_rows; row += direction)
    if (jh_timeline_layout_get_row (layout, row)->task != NULL)
      return row;

  return -1;
}

static void
select_row_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JhTimelineView *self = JH_TIMELINE_VIEW (widget);
  JhTimelineLayout *layout = ensure_layout (self);
  int step = g_variant_get_int32 (parameter);
  int n_rows, row, current, target;

  if (layout == NULL || (n_rows = jh_timeline_layout_get_n_rows (layout)) == 0)
    return;

  current = get_selected_row (self);
  row = current >= 0 ? current : step > 0 ? -1 : n_rows;
  row = CLAMP (row + step, 0, n_rows - 1);

  /* Headings are not selected: go on past them, and where there is no
   * task beyond, come back to the nearest one.
   */
  target = find_task_row (layout, row, step > 0 ? 1 : -1);
  if (target < 0)
    target = find_task_row (layout, row, step > 0 ? -1 : 1);
  if (target < 0 || target == current)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  row = target;

  select_task (self, jh_timeline_layout_get_row (layout, row)->task, 0, 0);
  scroll_to_row (self, row);
}

static void
move_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JhTimelineView *self = JH_TIMELINE_VIEW (widget);
  guint range_index;
  JhActivity *activity = jh_timeline_view_get_selected_activity (self, &range_index);

  if (activity == NULL ||
      !jh_timeline_view_move_activity (self, activity, range_index, g_variant_get_int32 (parameter)))
    gtk_widget_error_bell (widget);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JhTimelineView *self = JH_TIMELINE_VIEW (widget);

  if (self->selected_task != NULL)
    g_signal_emit (self, signals[TASK_ACTIVATED], 0, self->selected_task);
}

/* GtkScrollable */

static void
adjustment_changed_cb (GtkAdjustment  *adjustment,
                       JhTimelineView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (JhTimelineView  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment)
{
  if (adjustment != NULL && adjustment == *slot)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_changed_cb, self);

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (slot, adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self);

  configure_adjustments (self);
}

static void
scrollable_iface_init (GtkScrollableInterface *iface)
{
}

/* GObject */

static void
jh_timeline_view_dispose (GObject *object)
{
  JhTimelineView *self = (JhTimelineView *) object;

  clear_drag (self);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed_cb, self);

  g_clear_pointer (&self->layout, jh_timeline_layout_unref);
  g_clear_object (&self->schedule);
  g_clear_object (&self->history);
  g_clear_object (&self->selected_task);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (jh_timeline_view_parent_class)->dispose (object);
}

static void
jh_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JhTimelineView *self = JH_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      g_value_set_object (value, self->schedule);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_ZOOM:
      g_value_set_enum (value, self->zoom);
      break;

    case PROP_PERIOD:
      g_value_set_uint (value, self->period);
      break;

    case PROP_SELECTED_TASK:
      g_value_set_object (value, self->selected_task);
      break;

    case PROP_TODAY:
      g_value_set_boxed (value, jh_timeline_view_get_today (self));
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JhTimelineView *self = JH_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      jh_timeline_view_set_schedule (self, g_value_get_object (value));
      break;

    case PROP_HISTORY:
      jh_timeline_view_set_history (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      jh_timeline_view_set_zoom (self, g_value_get_enum (value));
      break;

    case PROP_PERIOD:
      jh_timeline_view_set_period (self, g_value_get_uint (value));
      break;

    case PROP_SELECTED_TASK:
      jh_timeline_view_set_selected_task (self, g_value_get_object (value));
      break;

    case PROP_TODAY:
      jh_timeline_view_set_today (self, g_value_get_boxed (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (GtkScrollablePolicy) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (GtkScrollablePolicy) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_timeline_view_class_init (JhTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jh_timeline_view_dispose;
  object_class->get_property = jh_timeline_view_get_property;
  object_class->set_property = jh_timeline_view_set_property;

  widget_class->measure = jh_timeline_view_measure;
  widget_class->size_allocate = jh_timeline_view_size_allocate;
  widget_class->snapshot = jh_timeline_view_snapshot;
  widget_class->query_tooltip = jh_timeline_view_query_tooltip;

  /**
   * JhTimelineView:schedule:
   *
   * What is shown: the schedule of the plan, computed anew after each
   * change of the plan.
   */
  properties[PROP_SCHEDULE] =
    g_param_spec_object ("schedule", NULL, NULL,
                         JH_TYPE_SCHEDULE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JhTimelineView:history:
   *
   * Where moves are recorded, so that Undo takes them back.
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         JH_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ZOOM] =
    g_param_spec_enum ("zoom", NULL, NULL,
                       JH_TYPE_TIMELINE_ZOOM, JH_TIMELINE_ZOOM_YEAR,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JhTimelineView:period:
   *
   * Which half (1, 2) or quarter (1–4) a half-year or quarter zoom shows.
   */
  properties[PROP_PERIOD] =
    g_param_spec_uint ("period", NULL, NULL,
                       1, 4, 1,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTED_TASK] =
    g_param_spec_object ("selected-task", NULL, NULL,
                         JH_TYPE_TASK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JhTimelineView:today:
   *
   * The day the today line marks; %NULL for the real today.  Tests set
   * it, so that what they draw does not depend on the day they run.
   */
  properties[PROP_TODAY] =
    g_param_spec_boxed ("today", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * JhTimelineView::task-activated:
   * @self: the timeline
   * @task: the task clicked, or chosen with Enter
   *
   * The user asked to see @task: the window selects it in the outline
   * and shows it in the document.
   */
  signals[TASK_ACTIVATED] =
    g_signal_new ("task-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JH_TYPE_TASK);

  gtk_widget_class_install_property_action (widget_class, "timeline.zoom", "zoom");
  gtk_widget_class_install_action (widget_class, "timeline.select-row", "i", select_row_action);
  gtk_widget_class_install_action (widget_class, "timeline.move", "i", move_selection_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "timeline.select-row", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "timeline.select-row", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "timeline.select-row", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "timeline.select-row", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "timeline.select-row", "i", -10);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "timeline.select-row", "i", 10);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.select-row", "i", -1000000);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.select-row", "i", 1000000);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "timeline.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_SHIFT_MASK, "timeline.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "timeline.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, GDK_SHIFT_MASK, "timeline.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
jh_timeline_view_init (JhTimelineView *self)
{
  GtkGesture *drag;
  GtkEventController *motion;

  self->zoom = JH_TIMELINE_ZOOM_YEAR;
  self->period = 1;
  g_date_clear (&self->today, 1);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
}

GtkWidget *
jh_timeline_view_new (void)
{
  return g_object_new (JH_TYPE_TIMELINE_VIEW, NULL);
}

/**
 * jh_timeline_view_get_schedule:
 * @self: a #JhTimelineView
 *
 * Returns: (transfer none) (nullable): the schedule shown
 */
JhSchedule *
jh_timeline_view_get_schedule (JhTimelineView *self)
{
  g_return_val_if_fail (JH_IS_TIMELINE_VIEW (self), NULL);

  return self->schedule;
}

/**
 * jh_timeline_view_set_schedule:
 * @self: a #JhTimelineView
 * @schedule: (nullable): the schedule to show
 *
 * Shows @schedule.  The selection stays on the same task while it is in
 * the new schedule, so that recomputing after an edit loses nothing.
 */
void
jh_timeline_view_set_schedule (JhTimelineView *self,
                               JhSchedule     *schedule)
{
  g_return_if_fail (JH_IS_TIMELINE_VIEW (self));
  g_return_if_fail (schedule == NULL || JH_IS_SCHEDULE (schedule));

  if (!g_set_object (&self->schedule, schedule))
    return;

  /* A drag's activity belongs to the old schedule. */
  clear_drag (self);
  invalidate_layout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  if (self->selected_task != NULL &&
      (schedule == NULL || jh_schedule_get_activities (schedule, self->selected_task) == NULL))
    select_task (self, NULL, 0, 0);

  update_accessible_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE]);
}

/**
 * jh_timeline_view_get_history:
 * @self: a #JhTimelineView
 *
 * Returns: (transfer none) (nullable): where moves are recorded
 */
JhHistory *
jh_timeline_view_get_history (JhTimelineView *self)
{
  g_return_val_if_fail (JH_IS_TIMELINE_VIEW (self), NULL);

  return self->history;
}

void
jh_timeline_view_set_history (JhTimelineView *self,
                              JhHistory      *history)
{
  g_return_if_fail (JH_IS_TIMELINE_VIEW (self));
  g_return_if_fail (history == NULL || JH_IS_HISTORY (history));

  if (g_set_object (&self->history, history))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

JhTimelineZoom
jh_timeline_view_get_zoom (JhTimelineView *self)
{
  g_return_val_if_fail (JH_IS_TIMELINE_VIEW (self), JH_TIMELINE_ZOOM_YEAR);

  return self->zoom;
}

/* Zooming keeps to the part of the year in view: from the second
 * quarter to the first half, from the second half to the third quarter;
 * from the whole year to where today is, when it is in the plan year.
 */
static guint
convert_period (JhTimelineView *self,
                JhTimelineZoom  zoom)
{
  guint month;

  switch (self->zoom)
    {
    case JH_TIMELINE_ZOOM_HALF:
      month = MIN (self->period, 2) * 6 - 5;
      break;

    case JH_TIMELINE_ZOOM_QUARTER:
      month = self->period * 3 - 2;
      break;

    case JH_TIMELINE_ZOOM_YEAR:
    default:
      {
        GDate today;

        get_today (self, &today);
        month = self->schedule != NULL && g_date_get_year (&today) == jh_schedule_get_year (self->schedule)
          ? g_date_get_month (&today) : 1;
      }
      break;
    }

  switch (zoom)
    {
    case JH_TIMELINE_ZOOM_HALF:
      return (month - 1) / 6 + 1;
    case JH_TIMELINE_ZOOM_QUARTER:
      return (month - 1) / 3 + 1;
    case JH_TIMELINE_ZOOM_YEAR:
    default:
      return 1;
    }
}

void
jh_timeline_view_set_zoom (JhTimelineView *self,
                           JhTimelineZoom  zoom)
{
  guint period;

  g_return_if_fail (JH_IS_TIMELINE_VIEW (self));
  g_return_if_fail (zoom <= JH_TIMELINE_ZOOM_QUARTER);

  if (self->zoom == zoom)
    return;

  period = convert_period (self, zoom);
  self->zoom = zoom;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);

  if (self->period != period)
    {
      self->period = period;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
    }
}

guint
jh_timeline_view_get_period (JhTimelineView *self)
{
  g_return_val_if_fail (JH_IS_TIMELINE_VIEW (self), 1);

  return self->period;
}

/**
 * jh_timeline_view_set_period:
 * @self: a #JhTimelineView
 * @period: which half (1, 2) or quarter (1–4) to show
 *
 * Shows another part of the year, when zoomed in.  A period past the
 * zoom's last (a third half) is its last.
 */
void
jh_timeline_view_set_period (JhTimelineView *self,
                             guint           period)
{
  g_return_if_fail (JH_IS_TIMELINE_VIEW (self));
  g_return_if_fail (period >= 1 && period <= 4);

  if (self->zoom == JH_TIMELINE_ZOOM_HALF)
    period = MIN (period, 2);

  if (self->period == period)
    return;

  self->period = period;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

/**
 * jh_timeline_view_get_selected_task:
 * @self: a #JhTimelineView
 *
 * Returns: (transfer none) (nullable): the task selected
 */
JhTask *
jh_timeline_view_get_selected_task (JhTimelineView *self)
{
  g_return_val_if_fail (JH_IS_TIMELINE_VIEW (self), NULL);

  return self->selected_task;
}

/**
 * jh_timeline_view_set_selected_task:
 * @self: a #JhTimelineView
 * @task: (nullable): a task, or %NULL to select none
 *
 * Selects @task and the first of its activities.  A task that is not on
 * the timeline selects nothing.
 */
void
jh_timeline_view_set_selected_task (JhTimelineView *self,
                                    JhTask         *task)
{
  g_return_if_fail (JH_IS_TIMELINE_VIEW (self));
  g_return_if_fail (task == NULL || JH_IS_TASK (task));

  if (task != NULL &&
      (self->schedule == NULL || jh_schedule_get_activities (self->schedule, task) == NULL))
    task = NULL;

  if (task == self->selected_task)
    return;

  select_task (self, task, 0, 0);
}

/**
 * jh_timeline_view_get_selected_activity:
 * @self: a #JhTimelineView
 * @range_index: (out) (optional): which range of its timing is selected
 *
 * The activity Shift+Left and Shift+Right move: the one last clicked, or
 * the first of the selected task.
 *
 * Returns: (transfer none) (nullable): the activity
 */
JhActivity *
jh_timeline_view_get_selected_activity (JhTimelineView *self,
                                        guint          *range_index)
{
  JhActivity *activity;

  g_return_val_if_fail (JH_IS_TIMELINE_VIEW (self), NULL);

  activity = get_activity (self, self->selected_task, self->selected_activity);
  if (activity == NULL)
    return NULL;

  if (range_index != NULL)
    *range_index = MIN (self->selected_range, jh_timing_get_n_ranges (jh_activity_get_timing (activity)) - 1);

  return activity;
}

/**
 * jh_timeline_view_select_activity:
 * @self: a #JhTimelineView
 * @activity: an activity of the schedule shown
 * @range_index: one of the ranges of its timing
 *
 * Selects @activity and its task, as clicking its mark does.
 */
void
jh_timeline_view_select_activity (JhTimelineView *self,
                                  JhActivity     *activity,
                                  guint           range_index)
{
  int activity_index;

  g_return_if_fail (JH_IS_TIMELINE_VIEW (self));
  g_return_if_fail (activity != NULL);
  g_return_if_fail (self->schedule != NULL);

  activity_index = find_activity_index (self, activity);
  g_return_if_fail (activity_index >= 0);

  select_task (self, jh_activity_get_task (activity), activity_index, range_index);
}

/**
 * jh_timeline_view_get_today:
 * @self: a #JhTimelineView
 *
 * Returns: (transfer none) (nullable): the day set with
 *   jh_timeline_view_set_today(), or %NULL for the real today
 */
const GDate *
jh_timeline_view_get_today (JhTimelineView *self)
{
  g_return_val_if_fail (JH_IS_TIMELINE_VIEW (self), NULL);

  return g_date_valid (&self->today) ? &self->today : NULL;
}

void
jh_timeline_view_set_today (JhTimelineView *self,
                            const GDate    *today)
{
  g_return_if_fail (JH_IS_TIMELINE_VIEW (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  if (today == NULL ? !g_date_valid (&self->today)
                    : g_date_valid (&self->today) && g_date_compare (today, &self->today) == 0)
    return;

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

/**
 * jh_timeline_view_get_layout:
 * @self: a #JhTimelineView
 *
 * The geometry drawn.  Its x runs from the start of the time axis, at
 * the left of jh_timeline_view_get_chart_area(); its y from the top of
 * the first row, which is scrolled.
 *
 * Returns: (transfer none) (nullable): the layout, %NULL until the view
 *   has a schedule and a size
 */
JhTimelineLayout *
jh_timeline_view_get_layout (JhTimelineView *self)
{
  g_return_val_if_fail (JH_IS_TIMELINE_VIEW (self), NULL);

  return ensure_layout (self);
}

/**
 * jh_timeline_view_get_chart_area:
 * @self: a #JhTimelineView
 * @area: (out): where the rows are shown, in the widget's coordinates:
 *   right of the names, between the header and the workload strip
 */
void
jh_timeline_view_get_chart_area (JhTimelineView  *self,
                                 graphene_rect_t *area)
{
  g_return_if_fail (JH_IS_TIMELINE_VIEW (self));
  g_return_if_fail (area != NULL);

  graphene_rect_init (area, self->label_width, self->header_height,
                      get_chart_width (self), get_rows_height (self));
}

/**
 * jh_timeline_view_dup_span_label:
 * @self: a #JhTimelineView
 *
 * Returns: (transfer full): what part of the year is shown: "2027年第二
 *   季度"; empty without a schedule
 */
char *
jh_timeline_view_dup_span_label (JhTimelineView *self)
{
  g_return_val_if_fail (JH_IS_TIMELINE_VIEW (self), NULL);

  if (self->schedule == NULL)
    return g_strdup ("");

  return jh_timeline_format_span (jh_schedule_get_year (self->schedule), self->zoom,
                                  get_layout_period (self));
}

/**
 * jh_timeline_view_scroll_to_task:
 * @self: a #JhTimelineView
 * @task: a task on the timeline
 *
 * Scrolls the rows so that @task's is in sight.
 */
void
jh_timeline_view_scroll_to_task (JhTimelineView *self,
                                 JhTask         *task)
{
  int row;

  g_return_if_fail (JH_IS_TIMELINE_VIEW (self));
  g_return_if_fail (JH_IS_TASK (task));

  if (ensure_layout (self) == NULL)
    return;

  row = jh_timeline_layout_find_row (self->layout, task);
  if (row >= 0)
    scroll_to_row (self, row);
}

/**
 * jh_timeline_view_move_activity:
 * @self: a #JhTimelineView
 * @activity: an activity from a task's timing field
 * @range_index: which of its ranges to move
 * @n_xun: how many 旬 to move it, later when positive
 *
 * Moves a range as dragging its bar does, and as Shift+Left and
 * Shift+Right do, and writes the task's timing anew through the
 * history.  Activities found in the text, recurring ones and those of
 * another year are not moved.
 *
 * Returns: whether the timing changed
 */
gboolean
jh_timeline_view_move_activity (JhTimelineView *self,
                                JhActivity     *activity,
                                guint           range_index,
                                int             n_xun)
{
  JhTiming *timing;
  JhTimeRange moved;

  g_return_val_if_fail (JH_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (activity != NULL, FALSE);
  g_return_val_if_fail (self->schedule != NULL, FALSE);

  timing = jh_activity_get_timing (activity);
  g_return_val_if_fail (range_index < jh_timing_get_n_ranges (timing), FALSE);

  if (!is_editable (activity) ||
      !jh_timeline_range_move (jh_timing_get_range (timing, range_index), n_xun,
                               jh_schedule_get_year (self->schedule), &moved))
    return FALSE;

  return apply_range (self, activity, range_index, &moved);
}

/**
 * jh_timeline_view_resize_activity:
 * @self: a #JhTimelineView
 * @activity: an activity from a task's timing field
 * @range_index: which of its ranges to change
 * @edge: %JH_TIMELINE_PART_START or %JH_TIMELINE_PART_END
 * @boundary: the first day of a 旬: the new start, or the day after the
 *   new end
 *
 * Moves one end of a range as dragging the end of its bar does.
 *
 * Returns: whether the timing changed
 */
gboolean
jh_timeline_view_resize_activity (JhTimelineView *self,
                                  JhActivity     *activity,
                                  guint           range_index,
                                  JhTimelinePart  edge,
                                  const GDate    *boundary)
{
  JhTiming *timing;
  JhTimeRange resized;

  g_return_val_if_fail (JH_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (activity != NULL, FALSE);
  g_return_val_if_fail (self->schedule != NULL, FALSE);
  g_return_val_if_fail (boundary != NULL, FALSE);

  timing = jh_activity_get_timing (activity);
  g_return_val_if_fail (range_index < jh_timing_get_n_ranges (timing), FALSE);

  if (!is_editable (activity) ||
      !jh_timeline_range_resize (jh_timing_get_range (timing, range_index), edge, boundary,
                                 jh_schedule_get_year (self->schedule), &resized))
    return FALSE;

  return apply_range (self, activity, range_index, &resized);
}
