// The emoji the picker offers: a curated set of a few hundred in everyday use, not all of
// Unicode's 3,700. A complete picker (emoji-picker-element, for one) weighs several times the
// 12 KB an on-demand feature may cost (contract §8) and fetches its data from a CDN by default;
// this list with its English names keeps the whole picker one small chunk served from beside
// the script. One emoji a line: the emoji, its name, then words it is also found by; a line
// `# <category>` starts a category.

const LIST = `
# smileys
😀 grinning face, smile, happy
😃 grinning face with big eyes, smile, happy
😄 grinning face with smiling eyes, smile, happy, laugh
😁 beaming face, grin, smile
😆 laughing, satisfied, lol
😅 grinning face with sweat, relief, phew
🤣 rolling on the floor laughing, rofl, lol
😂 tears of joy, laugh, lol, cry
🙂 slightly smiling face, smile
🙃 upside-down face, silly, sarcasm
😉 winking face, wink
😊 smiling face with smiling eyes, blush, happy
😇 smiling face with halo, angel, innocent
🥰 smiling face with hearts, love, adore
😍 heart eyes, love, crush
🤩 star-struck, wow, amazing
😘 face blowing a kiss, kiss, love
😗 kissing face, kiss
😚 kissing face with closed eyes, kiss
😋 face savoring food, yum, delicious
😛 face with tongue, tongue, playful
😜 winking face with tongue, crazy, joke
🤪 zany face, crazy, goofy
😝 squinting face with tongue, silly
🤑 money-mouth face, money, rich
🤗 hugging face, hug, thanks
🤭 face with hand over mouth, oops, giggle
🤫 shushing face, quiet, secret
🤔 thinking face, think, hmm, wonder
🤐 zipper-mouth face, secret, silent
🤨 face with raised eyebrow, skeptical, doubt
😐 neutral face, meh
😑 expressionless face, blank
😶 face without mouth, speechless
😏 smirking face, smirk
😒 unamused face, meh, unhappy
🙄 face with rolling eyes, eyeroll, whatever
😬 grimacing face, awkward, eek
😌 relieved face, calm, relief
😔 pensive face, sad, thoughtful
😪 sleepy face, tired
🤤 drooling face, drool
😴 sleeping face, sleep, zzz
😷 face with medical mask, sick, mask
🤒 face with thermometer, ill, fever
🤕 face with head-bandage, hurt, injured
🤢 nauseated face, sick, gross
🤮 face vomiting, sick, vomit
🤧 sneezing face, sneeze, cold
🥵 hot face, heat, sweating
🥶 cold face, freezing, frozen
🥴 woozy face, dizzy, tipsy
😵 dizzy face, confused
🤯 exploding head, mind blown, shocked
🤠 cowboy hat face, cowboy
🥳 partying face, party, celebrate, birthday
😎 smiling face with sunglasses, cool
🤓 nerd face, geek, smart
🧐 face with monocle, inspect, curious
😕 confused face, confused
😟 worried face, worried, concern
🙁 slightly frowning face, sad
☹️ frowning face, sad
😮 face with open mouth, surprised, wow
😯 hushed face, surprised
😲 astonished face, shocked, amazed
😳 flushed face, embarrassed, blush
🥺 pleading face, please, puppy eyes
😦 frowning face with open mouth, shocked
😧 anguished face, pain
😨 fearful face, scared, fear
😰 anxious face with sweat, nervous
😥 sad but relieved face, phew
😢 crying face, sad, tear
😭 loudly crying face, sob, sad
😱 screaming in fear, scream, scared
😖 confounded face, frustrated
😣 persevering face, struggle
😞 disappointed face, sad
😓 downcast face with sweat, hard work
😩 weary face, tired
😫 tired face, exhausted
🥱 yawning face, bored, tired
😤 face with steam from nose, triumph, frustrated
😡 pouting face, angry, mad, rage
😠 angry face, angry, mad
🤬 face with symbols on mouth, swear, cursing
😈 smiling face with horns, devil
💀 skull, dead
💩 pile of poo, poop
🤡 clown face, clown
👻 ghost, halloween, boo
👽 alien, ufo
🤖 robot, bot
😺 grinning cat, cat, smile
😻 smiling cat with heart eyes, cat, love
🙈 see-no-evil monkey, monkey, oops
🙉 hear-no-evil monkey, monkey
🙊 speak-no-evil monkey, monkey, secret
💋 kiss mark, kiss, lips
💌 love letter, mail, love
💘 heart with arrow, love, cupid
💝 heart with ribbon, gift, love
💖 sparkling heart, love
💗 growing heart, love
💓 beating heart, love
💞 revolving hearts, love
💕 two hearts, love
💟 heart decoration, love
❣️ heart exclamation, love
💔 broken heart, sad, breakup
❤️ red heart, love, like
🧡 orange heart, love
💛 yellow heart, love
💚 green heart, love
💙 blue heart, love
💜 purple heart, love
🤎 brown heart, love
🖤 black heart, love
🤍 white heart, love
💯 hundred points, 100, perfect, score
💢 anger symbol, angry
💥 collision, boom, bang
💫 dizzy, star
💦 sweat droplets, water
💨 dashing away, fast, wind
💬 speech balloon, chat, message, comment
💭 thought balloon, think
💤 zzz, sleep
# people
👋 waving hand, wave, hello, hi, bye
🤚 raised back of hand, hand
✋ raised hand, stop, high five
🖖 vulcan salute, spock
👌 ok hand, ok, perfect
🤌 pinched fingers, italian
🤏 pinching hand, small, tiny
✌️ victory hand, peace, victory
🤞 crossed fingers, luck, hope
🤟 love-you gesture, love
🤘 sign of the horns, rock
🤙 call me hand, call, phone
👈 backhand index pointing left, left, point
👉 backhand index pointing right, right, point
👆 backhand index pointing up, up, point
👇 backhand index pointing down, down, point
☝️ index pointing up, up, one
👍 thumbs up, like, yes, agree, good, ok
👎 thumbs down, dislike, no, bad
✊ raised fist, fist, power
👊 oncoming fist, punch, bump
👏 clapping hands, clap, applause, bravo
🙌 raising hands, hooray, celebrate
👐 open hands, hug
🤲 palms up together, please
🤝 handshake, deal, agreement
🙏 folded hands, please, thanks, pray, hope
✍️ writing hand, write
💅 nail polish, nails
💪 flexed biceps, strong, muscle
🧠 brain, smart, think
👀 eyes, look, see, watch
👁️ eye, look, see
👅 tongue, lick
👄 mouth, lips
👶 baby, child
🧒 child, kid
👦 boy, child
👧 girl, child
🧑 person, adult
👨 man, person
👩 woman, person
🧓 older person, old
👴 old man, grandpa
👵 old woman, grandma
🙋 person raising hand, question, hello
💁 person tipping hand, information, help
🙅 person gesturing no, no, stop
🙆 person gesturing ok, ok, yes
🤷 person shrugging, shrug, dunno, whatever
🤦 person facepalming, facepalm, oops
🙇 person bowing, bow, sorry, thanks
👮 police officer, police
🕵️ detective, spy, investigate
👷 construction worker, build
💂 guard, soldier
🧑‍💻 technologist, developer, computer, coder
🧑‍🍳 cook, chef
🧑‍🏫 teacher, school
🧑‍⚕️ health worker, doctor, nurse
🎅 santa claus, christmas
🧙 mage, wizard
🏃 person running, run, hurry
🚶 person walking, walk
💃 woman dancing, dance, party
🕺 man dancing, dance, party
👪 family, parents
# animals
🐶 dog face, dog, puppy, pet
🐱 cat face, cat, kitten, pet
🐭 mouse face, mouse
🐰 rabbit face, rabbit, bunny
🦊 fox, animal
🐻 bear, animal
🐼 panda, animal
🐨 koala, animal
🐯 tiger face, tiger
🦁 lion, animal
🐮 cow face, cow
🐷 pig face, pig
🐸 frog, animal
🐵 monkey face, monkey
🐔 chicken, animal
🐧 penguin, animal
🐦 bird, animal
🦆 duck, animal
🦉 owl, animal, wise
🐝 honeybee, bee, insect
🦋 butterfly, insect
🐌 snail, slow
🐞 lady beetle, ladybug, insect
🐢 turtle, slow
🐍 snake, animal
🐙 octopus, animal
🐬 dolphin, animal
🐳 spouting whale, whale
🐟 fish, animal
🦄 unicorn, magic
🐴 horse face, horse
🐘 elephant, animal
🐑 ewe, sheep
🌸 cherry blossom, flower, spring
🌹 rose, flower, love
🌻 sunflower, flower
🌷 tulip, flower
💐 bouquet, flowers
🌱 seedling, plant, grow
🌲 evergreen tree, tree
🌳 deciduous tree, tree
🌴 palm tree, beach, vacation
🌵 cactus, desert
🍀 four leaf clover, luck
🍁 maple leaf, autumn, fall
🍂 fallen leaf, autumn
🌍 globe showing europe-africa, world, earth
🌎 globe showing americas, world, earth
🌏 globe showing asia-australia, world, earth
🌙 crescent moon, moon, night
⭐ star, favorite
🌟 glowing star, star, shine
✨ sparkles, shiny, new, magic
⚡ high voltage, lightning, fast
🔥 fire, hot, lit
🌈 rainbow, pride
☀️ sun, sunny, weather
⛅ sun behind cloud, cloudy, weather
☁️ cloud, weather
🌧️ cloud with rain, rain, weather
⛈️ cloud with lightning and rain, storm
❄️ snowflake, snow, cold, winter
☃️ snowman, winter
🌊 water wave, ocean, sea
☔ umbrella with rain drops, rain
# food
🍏 green apple, fruit
🍎 red apple, fruit
🍐 pear, fruit
🍊 tangerine, orange, fruit
🍋 lemon, fruit
🍌 banana, fruit
🍉 watermelon, fruit
🍇 grapes, fruit
🍓 strawberry, fruit
🍒 cherries, fruit
🍑 peach, fruit
🥭 mango, fruit
🍍 pineapple, fruit
🥝 kiwi fruit, fruit
🍅 tomato, vegetable
🥑 avocado, fruit
🥦 broccoli, vegetable
🥕 carrot, vegetable
🌽 ear of corn, corn
🌶️ hot pepper, spicy, chili
🥔 potato, vegetable
🥐 croissant, bread, breakfast
🍞 bread, toast
🧀 cheese wedge, cheese
🥚 egg, breakfast
🍳 cooking, egg, breakfast
🥞 pancakes, breakfast
🥓 bacon, breakfast
🍔 hamburger, burger, food
🍟 french fries, fries, food
🍕 pizza, food
🌭 hot dog, food
🥪 sandwich, food
🌮 taco, food
🌯 burrito, food
🥗 green salad, salad, healthy
🍝 spaghetti, pasta
🍜 steaming bowl, noodles, ramen
🍣 sushi, food
🍱 bento box, food
🍚 cooked rice, rice
🍛 curry rice, curry
🍦 soft ice cream, ice cream, dessert
🍩 doughnut, donut, dessert
🍪 cookie, dessert
🎂 birthday cake, cake, birthday
🍰 shortcake, cake, dessert
🧁 cupcake, cake, dessert
🍫 chocolate bar, chocolate
🍬 candy, sweet
🍭 lollipop, candy
🍿 popcorn, movie
☕ hot beverage, coffee, tea
🍵 teacup without handle, tea
🥤 cup with straw, drink, soda
🍺 beer mug, beer, drink
🍻 clinking beer mugs, cheers, beer
🥂 clinking glasses, cheers, celebrate
🍷 wine glass, wine, drink
🍸 cocktail glass, cocktail, drink
🍾 bottle with popping cork, champagne, celebrate
🍽️ fork and knife with plate, dinner, restaurant
# activities
⚽ soccer ball, football, sport
🏀 basketball, sport
🏈 american football, sport
⚾ baseball, sport
🎾 tennis, sport
🏐 volleyball, sport
🏓 ping pong, table tennis
🏆 trophy, win, winner, award
🥇 1st place medal, gold, first, winner
🥈 2nd place medal, silver, second
🥉 3rd place medal, bronze, third
🏅 sports medal, medal
🎯 bullseye, target, goal
🎮 video game, game, controller
🎲 game die, dice, game
🧩 puzzle piece, puzzle
🎨 artist palette, art, paint
🎬 clapper board, movie, film
🎤 microphone, sing, karaoke
🎧 headphone, music, listen
🎵 musical note, music
🎶 musical notes, music
🎸 guitar, music
🎹 musical keyboard, piano, music
🎉 party popper, party, celebrate, congratulations, tada
🎊 confetti ball, party, celebrate
🎈 balloon, party, birthday
🎁 wrapped gift, gift, present, birthday
🎀 ribbon, gift
🎄 christmas tree, christmas
🎃 jack-o-lantern, halloween, pumpkin
🎆 fireworks, celebrate
# travel
🚗 automobile, car, drive
🚕 taxi, car
🚌 bus, transport
🚲 bicycle, bike
🛵 motor scooter, scooter
🚚 delivery truck, delivery, shipping, truck
🚛 articulated lorry, truck, shipping
🚀 rocket, launch, fast, ship it
✈️ airplane, flight, travel
🚢 ship, boat, travel
🚆 train, travel
🚦 traffic light, traffic
⛽ fuel pump, gas
🏠 house, home
🏡 house with garden, home
🏢 office building, office, work
🏥 hospital, health
🏦 bank, money
🏪 convenience store, shop, store
🏬 department store, shop, store
🏖️ beach with umbrella, beach, vacation
⛰️ mountain, travel
🗺️ world map, map, travel
📍 round pushpin, location, pin, place
# objects
⌚ watch, time
📱 mobile phone, phone, smartphone
💻 laptop, computer
🖥️ desktop computer, computer
🖨️ printer, print
⌨️ keyboard, type
🖱️ computer mouse, mouse, click
💾 floppy disk, save
💿 optical disk, cd
📷 camera, photo, picture
📸 camera with flash, photo, picture
🎥 movie camera, video, film
📺 television, tv
📞 telephone receiver, phone, call
☎️ telephone, phone, call
🔋 battery, power
🔌 electric plug, plug, power
💡 light bulb, idea, tip
🔦 flashlight, light
🕯️ candle, light
📚 books, read, library
📖 open book, read, book
📝 memo, note, write
✏️ pencil, write, edit
🖊️ pen, write
📎 paperclip, attachment, attach
📌 pushpin, pin
✂️ scissors, cut
📁 file folder, folder
📄 page facing up, document, file, page
📅 calendar, date, schedule
📆 tear-off calendar, date
🗓️ spiral calendar, date, schedule
📊 bar chart, chart, stats
📈 chart increasing, growth, up, trend
📉 chart decreasing, down, trend
📋 clipboard, list
📦 package, box, parcel, delivery, order, shipping
📫 closed mailbox with raised flag, mail, post
📧 e-mail, email, mail
📨 incoming envelope, mail, email
✉️ envelope, mail, letter
📣 megaphone, announcement
📢 loudspeaker, announcement
🔔 bell, notification, alert
🔕 bell with slash, mute, silent
🔒 locked, lock, secure, private
🔓 unlocked, unlock, open
🔑 key, password, login
🔨 hammer, tool, fix
🔧 wrench, tool, fix, settings
⚙️ gear, settings, cog
🧰 toolbox, tools
🔍 magnifying glass tilted left, search, find, zoom
🔗 link, chain, url
🧲 magnet, attract
💰 money bag, money, cash
💳 credit card, card, payment, pay
💵 dollar banknote, money, cash
💶 euro banknote, money, cash
🧾 receipt, invoice, bill
🛒 shopping cart, cart, shop, buy
🛍️ shopping bags, shopping, buy
🏷️ label, tag, price
⏰ alarm clock, alarm, time
⏳ hourglass not done, wait, time, loading
⌛ hourglass done, time
⏱️ stopwatch, timer, time
🕐 one o’clock, time, clock
💊 pill, medicine
🩹 adhesive bandage, bandage, hurt
🧼 soap, clean, wash
🧹 broom, clean
🚪 door, exit
🛏️ bed, sleep, hotel
🪑 chair, seat
🚿 shower, bath
👕 t-shirt, shirt, clothes
👖 jeans, pants, clothes
👗 dress, clothes
👟 running shoe, shoe, sneaker
👠 high-heeled shoe, shoe
👜 handbag, bag
🎒 backpack, bag, school
👓 glasses, eyeglasses
🕶️ sunglasses, cool
🧢 billed cap, cap, hat
💍 ring, wedding, engaged
💎 gem stone, diamond, jewel
# symbols
✅ check mark button, done, yes, ok, complete
☑️ check box with check, done, yes
✔️ check mark, done, yes, ok
❌ cross mark, no, wrong, cancel, delete
❎ cross mark button, no
➕ plus, add
➖ minus, subtract
➗ divide, division
✖️ multiply, times
❓ red question mark, question, help
❔ white question mark, question
❗ red exclamation mark, exclamation, important, warning
‼️ double exclamation mark, exclamation
⁉️ exclamation question mark, what
⚠️ warning, caution, alert
🚫 prohibited, forbidden, no
⛔ no entry, stop, forbidden
🛑 stop sign, stop
🆗 ok button, ok
🆕 new button, new
🆓 free button, free
🆘 sos button, help, emergency
ℹ️ information, info
🔴 red circle, red
🟠 orange circle, orange
🟡 yellow circle, yellow
🟢 green circle, green, online
🔵 blue circle, blue
🟣 purple circle, purple
⚫ black circle, black
⚪ white circle, white
🟥 red square, red
🟩 green square, green
🟦 blue square, blue
🔺 red triangle pointed up, up
🔻 red triangle pointed down, down
⬆️ up arrow, up
⬇️ down arrow, down
⬅️ left arrow, left, back
➡️ right arrow, right, next
↩️ right arrow curving left, back, return, undo
🔄 counterclockwise arrows button, refresh, sync, reload
🔁 repeat button, repeat, loop
🔙 back arrow, back
🔜 soon arrow, soon
🆙 up! button, up
▶️ play button, play, start
⏸️ pause button, pause
⏹️ stop button, stop
⏩ fast-forward button, fast, forward
🔇 muted speaker, mute, silent
🔊 speaker high volume, loud, sound
♻️ recycling symbol, recycle
☮️ peace symbol, peace
☯️ yin yang, balance
#️⃣ keycap number sign, hash, number
0️⃣ keycap 0, zero
1️⃣ keycap 1, one
2️⃣ keycap 2, two
3️⃣ keycap 3, three
🔟 keycap 10, ten
©️ copyright, legal
®️ registered, trademark
™️ trade mark, trademark
💲 heavy dollar sign, dollar, money
💱 currency exchange, money
# flags
🏁 chequered flag, finish, race
🚩 triangular flag, flag, report
🏳️ white flag, surrender
🏴 black flag, flag
🏳️‍🌈 rainbow flag, pride
🇪🇺 flag european union, europe, eu
🇺🇳 flag united nations, un
`;

/** The categories, in order; each is named by the catalogue's `emoji_<category>`. */
export const CATEGORIES = ['smileys', 'people', 'animals', 'food', 'activities', 'travel', 'objects', 'symbols', 'flags'] as const;
export type EmojiCategory = (typeof CATEGORIES)[number];

/** One emoji: the character (sequence), its category and the English words that find it, folded for search, its name first. */
export interface EmojiEntry {
  readonly emoji: string;
  readonly category: EmojiCategory;
  readonly words: string;
}

/**
 * A text as the search compares it: lower case, without the accents of Latin letters ("cœur",
 * "Coeur" and "coeur" are one word; "Gefühl" is found by "gefuhl"), œ æ ß spelled out, curly
 * apostrophes straight. The keyword files (scripts/emoji-keywords.mjs) are folded the same way.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[‘’]/g, "'");
}

/** Every emoji of the picker, in the order it shows them. */
export const EMOJI: readonly EmojiEntry[] = (() => {
  const entries: EmojiEntry[] = [];
  let category: EmojiCategory = CATEGORIES[0];
  for (const line of LIST.trim().split('\n')) {
    const space = line.indexOf(' ');
    if (line.startsWith('# ')) category = line.slice(2) as EmojiCategory;
    else entries.push({emoji: line.slice(0, space), category, words: foldForSearch(line.slice(space + 1))});
  }
  return entries;
})();

/** Chinese and Japanese write words without spaces: a query in them may match inside a word. */
const WITHOUT_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const SEPARATORS = /[\s,]+/;

/**
 * The emoji whose words match `query`: each of its words must start a word of the entry, in
 * English or in `localWords` (the visitor's language, a line of words per emoji in the picker's
 * order: src/components/emoji/emoji-keywords.ts), so "thu up" finds 👍, "heart" every heart, and
 * "coeur" ❤️ in French. An empty query matches everything.
 */
export function searchEmoji(query: string, localWords?: readonly string[] | null): readonly EmojiEntry[] {
  const wanted = foldForSearch(query).split(SEPARATORS).filter(Boolean);
  if (!wanted.length) return EMOJI;
  return EMOJI.filter(({words}, index) => {
    const own = `${words} ${localWords?.[index] ?? ''}`.split(SEPARATORS);
    return wanted.every((word) => {
      const inside = WITHOUT_SPACES.test(word);
      return own.some((candidate) => (inside ? candidate.includes(word) : candidate.startsWith(word)));
    });
  });
}
