import {describeDemo} from './demo-suite.js';

describeDemo('react', 'React 19');
