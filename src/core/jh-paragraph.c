/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include "jh-node-private.h"
#include "jh-paragraph.h"

struct _JhParagraph
{
  JhNode        parent_instance;

  char         *text;
  JhProvenance *provenance;
};

G_DEFINE_FINAL_TYPE (JhParagraph, jh_paragraph, JH_TYPE_NODE)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_PROVENANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jh_paragraph_finalize (GObject *object)
{
  JhParagraph *self = (JhParagraph *) object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->provenance, jh_provenance_unref);

  G_OBJECT_CLASS (jh_paragraph_parent_class)->finalize (object);
}

static void
jh_paragraph_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  JhParagraph *self = JH_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_PROVENANCE:
      g_value_set_boxed (value, self->provenance);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_paragraph_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  JhParagraph *self = JH_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      jh_paragraph_set_text (self, g_value_get_string (value));
      break;

    case PROP_PROVENANCE:
      jh_paragraph_set_provenance (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_paragraph_class_init (JhParagraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jh_paragraph_finalize;
  object_class->get_property = jh_paragraph_get_property;
  object_class->set_property = jh_paragraph_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JhParagraph:provenance:
   *
   * Where the text was reused from, if it was.
   */
  properties[PROP_PROVENANCE] =
    g_param_spec_boxed ("provenance", NULL, NULL,
                        JH_TYPE_PROVENANCE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_paragraph_init (JhParagraph *self)
{
  self->text = g_strdup ("");
}

JhParagraph *
jh_paragraph_new (const char *text)
{
  return g_object_new (JH_TYPE_PARAGRAPH,
                       "text", text,
                       NULL);
}

const char *
jh_paragraph_get_text (JhParagraph *self)
{
  g_return_val_if_fail (JH_IS_PARAGRAPH (self), NULL);

  return self->text;
}

void
jh_paragraph_set_text (JhParagraph *self,
                       const char  *text)
{
  g_return_if_fail (JH_IS_PARAGRAPH (self));

  if (_jh_set_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * jh_paragraph_get_provenance:
 * @self: a #JhParagraph
 *
 * Returns: (transfer none) (nullable): where the text came from
 */
JhProvenance *
jh_paragraph_get_provenance (JhParagraph *self)
{
  g_return_val_if_fail (JH_IS_PARAGRAPH (self), NULL);

  return self->provenance;
}

void
jh_paragraph_set_provenance (JhParagraph  *self,
                             JhProvenance *provenance)
{
  g_return_if_fail (JH_IS_PARAGRAPH (self));

  if (jh_provenance_equal (self->provenance, provenance))
    return;

  g_clear_pointer (&self->provenance, jh_provenance_unref);
  if (provenance != NULL)
    self->provenance = jh_provenance_ref (provenance);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVENANCE]);
}
