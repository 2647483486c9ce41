// Ready-made bot messages, one per kind the widget can render, in Chatwoot's shapes.

/** @type {Record<string, {label: string, body: (origin: string) => Record<string, unknown>}>} */
export const BOT_MESSAGES = {
  input_select: {
    label: 'Options',
    body: () => ({
      content: 'What can we help you with?',
      content_attributes: {items: [{title: 'Where is my order?', value: 'order'}, {title: 'Returns and exchanges', value: 'returns'}, {title: 'Something else', value: 'other'}]},
    }),
  },
  input_email: {label: 'Ask for email', body: () => ({content: 'Leave your email and we will get back to you.'})},
  input_csat: {
    label: 'Satisfaction survey',
    body: () => ({content: 'Please rate the conversation', message_type: 'template', content_attributes: {display_type: 'emoji'}}),
  },
  cards: {
    label: 'Product cards',
    body: (origin) => ({
      content: 'You might also like',
      content_attributes: {
        items: [
          {title: 'Trail Runner 2', description: 'Light, grippy trail shoe · €129', media_url: `${origin}/shop/shoe.svg`, actions: [{text: 'View product', type: 'link', uri: `${origin}/`}]},
          {title: 'Merino running socks', description: 'Three pairs · €29', media_url: '', actions: [{text: 'View product', type: 'link', uri: `${origin}/`}]},
        ],
      },
    }),
  },
  article: {
    label: 'Help articles',
    body: () => ({
      content: 'These articles may help',
      content_attributes: {
        items: [
          {title: 'How to find your size', description: 'Measure your foot in two minutes.', link: 'https://example.com/help/sizing'},
          {title: 'Returns within 30 days', description: 'Free returns, step by step.', link: 'https://example.com/help/returns'},
        ],
      },
    }),
  },
};
