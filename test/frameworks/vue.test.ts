import {describeDemo} from './demo-suite.js';

describeDemo('vue', 'Vue 3');
