/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "jh-print.h"
#include "jh-print-preview.h"

/**
 * JhPrintPreview:
 *
 * Shows the pages of a document as printing and the PDF export set
 * them, drawn by the same #JhPageRenderer, and prints them from there.
 * The pages are drawn in a thread, so a long plan does not hold up the
 * window.
 */

/* How wide pages are in the preview, in pixels: A4 portrait at 1.25
 * pixels a point.  Landscape pages are shown as wide, smaller, as a
 * viewer fits pages to its width, so that the window need not scroll
 * sideways.
 */
#define PREVIEW_WIDTH 744

struct _JhPrintPreview
{
  AdwWindow       parent_instance;

  JhLayout       *layout;
  GCancellable   *cancellable;
  guint           n_pages;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *print_button;
  GtkStack       *stack;
  GtkBox         *pages_box;
};

G_DEFINE_FINAL_TYPE (JhPrintPreview, jh_print_preview, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LAYOUT,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GdkTexture *
render_page (JhPageRenderer *renderer,
             guint           page)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int pixel_width, pixel_height, stride;
  double scale;
  g_autoptr(GBytes) bytes = NULL;

  jh_page_renderer_get_page_size (renderer, page, &width, &height);
  scale = PREVIEW_WIDTH / width;
  pixel_width = PREVIEW_WIDTH;
  pixel_height = (int) ceil (height * scale);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  jh_page_renderer_draw_page (renderer, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * pixel_height);
  cairo_surface_destroy (surface);

  /* GDK's default memory format is Cairo's ARGB32. */
  return gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  JhLayout *layout = task_data;
  g_autoptr(JhPageRenderer) renderer = jh_page_renderer_new (layout);
  g_autoptr(GPtrArray) textures = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_pages = jh_page_renderer_get_n_pages (renderer);

  for (guint page = 0; page < n_pages; page++)
    {
      if (g_task_return_error_if_cancelled (task))
        return;

      g_ptr_array_add (textures, render_page (renderer, page));
    }

  g_task_return_pointer (task, g_steal_pointer (&textures), (GDestroyNotify) g_ptr_array_unref);
}

static void
rendered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  JhPrintPreview *self = JH_PRINT_PREVIEW (object);
  g_autoptr(GPtrArray) textures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  textures = g_task_propagate_pointer (G_TASK (result), &error);
  if (textures == NULL)
    return;

  for (guint i = 0; i < textures->len; i++)
    {
      GdkTexture *texture = g_ptr_array_index (textures, i);
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      g_autofree char *label = g_strdup_printf (_("Page %u"), i + 1);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (picture, "card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (self->pages_box, picture);
    }

  self->n_pages = textures->len;
  subtitle = g_strdup_printf (ngettext ("%u page", "%u pages", self->n_pages), self->n_pages);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, "pages");
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  JhPrintPreview *self = JH_PRINT_PREVIEW (widget);
  g_autoptr(GtkPrintOperation) operation = jh_print_operation_new (self->layout);
  g_autoptr(GError) error = NULL;

  g_object_set_data_full (G_OBJECT (self), "jh-print-operation", g_object_ref (operation), g_object_unref);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Print"),
                                                  error != NULL ? error->message : NULL);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
jh_print_preview_constructed (GObject *object)
{
  JhPrintPreview *self = (JhPrintPreview *) object;
  g_autoptr(GTask) task = NULL;

  G_OBJECT_CLASS (jh_print_preview_parent_class)->constructed (object);

  g_assert (JH_IS_LAYOUT (self->layout));

  task = g_task_new (self, self->cancellable, rendered_cb, NULL);
  g_task_set_source_tag (task, jh_print_preview_constructed);
  g_task_set_task_data (task, g_object_ref (self->layout), g_object_unref);
  g_task_run_in_thread (task, render_thread);
}

static void
jh_print_preview_dispose (GObject *object)
{
  JhPrintPreview *self = (JhPrintPreview *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), JH_TYPE_PRINT_PREVIEW);
  g_clear_object (&self->layout);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (jh_print_preview_parent_class)->dispose (object);
}

static void
jh_print_preview_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JhPrintPreview *self = JH_PRINT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      g_value_set_object (value, self->layout);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_print_preview_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  JhPrintPreview *self = JH_PRINT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      self->layout = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_print_preview_class_init (JhPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = jh_print_preview_constructed;
  object_class->dispose = jh_print_preview_dispose;
  object_class->get_property = jh_print_preview_get_property;
  object_class->set_property = jh_print_preview_set_property;

  properties[PROP_LAYOUT] =
    g_param_spec_object ("layout", NULL, NULL,
                         JH_TYPE_LAYOUT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jihua/Jihua/jh-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, JhPrintPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, JhPrintPreview, print_button);
  gtk_widget_class_bind_template_child (widget_class, JhPrintPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, JhPrintPreview, pages_box);

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jh_print_preview_init (JhPrintPreview *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * jh_print_preview_new:
 * @parent: (nullable): the window of the plan
 * @layout: the document
 *
 * Makes a preview and starts drawing its pages.
 *
 * Returns: (transfer floating): a new preview
 */
JhPrintPreview *
jh_print_preview_new (GtkWindow *parent,
                      JhLayout  *layout)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (JH_IS_LAYOUT (layout), NULL);

  return g_object_new (JH_TYPE_PRINT_PREVIEW,
                       "transient-for", parent,
                       "layout", layout,
                       NULL);
}

JhLayout *
jh_print_preview_get_layout (JhPrintPreview *self)
{
  g_return_val_if_fail (JH_IS_PRINT_PREVIEW (self), NULL);

  return self->layout;
}

/**
 * jh_print_preview_get_n_pages:
 * @self: a #JhPrintPreview
 *
 * Returns: how many pages the preview shows; 0 while it draws them
 */
guint
jh_print_preview_get_n_pages (JhPrintPreview *self)
{
  g_return_val_if_fail (JH_IS_PRINT_PREVIEW (self), 0);

  return self->n_pages;
}
